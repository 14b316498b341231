// The target page's status reports to the background (page/status), with which of the adapter's controls the page
// shows, for diagnostics. The same report is not sent twice in a row.
import type { TargetAdapter } from '../adapters/types';
import type { ControlSpec } from '../dom/locate';
import { census } from '../dom/pick';
import type { ContentToBackground, PageStatus } from '../protocol';
import { controlOf } from './form-steps';

export function createStatusReporter(adapter: TargetAdapter, send: (message: ContentToBackground) => Promise<unknown>) {
  const watchedControls = [adapter.integration, ...adapter.reveal.map(controlOf), adapter.enable, adapter.baseUrl, adapter.token, adapter.test, adapter.save].filter(
    (spec): spec is ControlSpec => !!spec,
  );
  let lastSent = '';
  let lastReported: PageStatus | undefined;
  const report = (status: PageStatus) => {
    lastReported = status;
    const full: PageStatus = { ...status, ...census(watchedControls) };
    const key = JSON.stringify(full);
    if (key === lastSent) return;
    lastSent = key;
    void send({ type: 'page/status', adapterId: adapter.id, status: full });
  };
  return {
    report,
    /** The last status again, with the controls as they are now. */
    again: () => lastReported && report(lastReported),
    /** The next report goes out even if it says the same (the last one was not taken). */
    forget: () => void (lastSent = ''),
  };
}
