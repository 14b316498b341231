// The target page's status reports to the background (page/status), with which of the adapter's controls the page
// shows, for diagnostics. The same report is not sent twice in a row.
import type { TargetAdapter } from '../adapters/types';
import type { ControlSpec } from '../dom/locate';
import { census } from '../dom/pick';
import type { ContentToBackground, PageStatus } from '../protocol';
import { controlOf } from './form-steps';

/** How often a census put off is reconsidered: the browser's idle callback, or this long at the latest. */
const CENSUS_RETRY_MS = 2_000;

/**
 * The census asks the page for every control, which took 50 ms on the bench's busy console right before the
 * token was asked for (npm run profile -- okta --front). So a status goes at once, without it (the background
 * reads the code with the next request), and its census follows once the page is idle (`busy` says when it is
 * not: the person is here, a hand-off runs, or the tab is hidden); a verdict's or a stop's status, which
 * diagnostics are read for, carries its census at once.
 */
export function createStatusReporter(adapter: TargetAdapter, send: (message: ContentToBackground) => Promise<unknown>, busy: () => boolean) {
  const watchedControls = [adapter.integration, ...adapter.reveal.map(controlOf), adapter.enable, adapter.baseUrl, adapter.token, adapter.test, adapter.save].filter(
    (spec): spec is ControlSpec => !!spec,
  );
  let lastSent = '';
  let lastCode = '';
  let lastReported: PageStatus | undefined;
  let censusDue = false;
  const sendIfNew = (status: PageStatus) => {
    const key = JSON.stringify(status);
    if (key === lastSent) return;
    lastSent = key;
    void send({ type: 'page/status', adapterId: adapter.id, status });
  };
  const withCensus = (status: PageStatus): PageStatus => ({ ...status, ...census(watchedControls) });
  const takeCensus = () => {
    if (busy()) return void requestIdleCallback(takeCensus, { timeout: CENSUS_RETRY_MS });
    censusDue = false;
    if (lastReported) sendIfNew(withCensus(lastReported));
  };
  const censusWhenIdle = () => {
    if (censusDue) return;
    censusDue = true;
    requestIdleCallback(takeCensus, { timeout: CENSUS_RETRY_MS });
  };
  const reportNow = (status: PageStatus) => {
    lastReported = status;
    lastCode = JSON.stringify(status);
    sendIfNew(withCensus(status));
  };
  return {
    /** A status the page arrived at: sent at once, its census when the page is idle. */
    report: (status: PageStatus) => {
      lastReported = status;
      const code = JSON.stringify(status);
      if (code !== lastCode) {
        lastCode = code;
        sendIfNew(status);
      }
      censusWhenIdle();
    },
    /** A verdict's or a stop's status, with the controls as they are now. */
    reportNow,
    /** The last status again, with the controls as they are now. */
    again: () => lastReported && reportNow(lastReported),
    /** The next report goes out even if it says the same (the last one was not taken). */
    forget: () => {
      lastSent = '';
      lastCode = '';
    },
  };
}
