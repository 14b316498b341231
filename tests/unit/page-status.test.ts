// The target page's status reports: the code goes at once, the census of controls (diagnostics) when the page is
// idle (nobody waits on it); a verdict's or a stop's report carries its census at once; nothing is sent twice.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import adapter from '../../utils/adapters/okta.target';
import { createStatusReporter } from '../../utils/engine/page-status';
import type { ContentToBackground } from '../../utils/protocol';

let idle: (() => void)[] = [];
const runIdle = () => {
  const due = idle;
  idle = [];
  for (const callback of due) callback();
};

beforeEach(() => {
  idle = [];
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
  document.body.innerHTML = '';
});
afterEach(() => vi.unstubAllGlobals());

function reporter(busy = () => false) {
  const sent: unknown[] = [];
  const status = createStatusReporter(adapter, async (message: ContentToBackground) => void sent.push(message.type === 'page/status' ? message.status : message), busy);
  return { status, sent };
}

const EVERY_CONTROL_MISSING = { found: [], missing: expect.arrayContaining([adapter.integration.name, adapter.token.name, adapter.test.name]) };

describe('page status reports', () => {
  it('sends the code at once and its census once the page is idle', () => {
    const { status, sent } = reporter();
    status.report({ code: 'ready', appLabel: 'InVision' });
    expect(sent).toEqual([{ code: 'ready', appLabel: 'InVision' }]);
    runIdle();
    expect(sent).toEqual([{ code: 'ready', appLabel: 'InVision' }, { code: 'ready', appLabel: 'InVision', ...EVERY_CONTROL_MISSING }]);
  });

  it('takes no census while the page is busy (the person here, a hand-off running): later, or with the verdict', () => {
    let busy = true;
    const { status, sent } = reporter(() => busy);
    status.report({ code: 'ready' });
    runIdle();
    runIdle();
    expect(sent).toEqual([{ code: 'ready' }]);
    busy = false;
    runIdle();
    expect(sent).toEqual([{ code: 'ready' }, { code: 'ready', ...EVERY_CONTROL_MISSING }]);
    status.again();
    expect(sent).toHaveLength(2); // the same controls: not sent again
  });

  it('sends a verdict’s status with its census at once, busy or not', () => {
    const { status, sent } = reporter(() => true);
    status.report({ code: 'ready' });
    status.again();
    expect(sent).toEqual([{ code: 'ready' }, { code: 'ready', ...EVERY_CONTROL_MISSING }]);
  });

  it('sends a stop with its census at once', () => {
    const { status, sent } = reporter();
    status.reportNow({ code: 'layout-not-recognised', detail: adapter.token.name });
    expect(sent).toEqual([{ code: 'layout-not-recognised', detail: adapter.token.name, ...EVERY_CONTROL_MISSING }]);
  });

  it('does not send the same status twice in a row, unless told the last one was not taken', () => {
    const { status, sent } = reporter();
    status.report({ code: 'not-app-page' });
    runIdle();
    status.report({ code: 'not-app-page' });
    runIdle();
    expect(sent).toHaveLength(2);
    status.forget();
    status.report({ code: 'not-app-page' });
    expect(sent).toHaveLength(3);
  });
});
