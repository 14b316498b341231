// The probe budget follows the person (utils/dom/wait.ts): nearly nothing while nobody acts, generous while a
// hand-off runs, and never longer than the hand-off asked for.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attend, ATTENTION_MS, budgetMode, expectWork, PROBE_BUDGETS, watchDom } from '../../utils/dom/wait';

const LONG_AFTER_ARRIVAL = 10 * ATTENTION_MS;
const at = (ms: number) => vi.spyOn(performance, 'now').mockReturnValue(ms);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the probe budget', () => {
  it('stays idle on a page where the extension has nothing to do, even just after it arrived', () => {
    expectWork(false);
    expect(budgetMode(ATTENTION_MS / 2)).toBe('idle');
  });

  it('is attentive while the page has just arrived and has work for it, idle once nobody has acted for a while', () => {
    expectWork(true);
    expect(budgetMode(ATTENTION_MS / 2)).toBe('attentive');
    expect(budgetMode(LONG_AFTER_ARRIVAL)).toBe('idle');
  });

  it('is generous while a hand-off runs, and idle again after its verdict', () => {
    at(LONG_AFTER_ARRIVAL);
    const verdict = attend(60_000);
    expect(budgetMode()).toBe('attentive');
    verdict();
    expect(budgetMode()).toBe('idle');
  });

  it('ends a hand-off’s attention at the time it asked for, even when nobody releases it', () => {
    at(LONG_AFTER_ARRIVAL);
    attend(1_000);
    expect(budgetMode(LONG_AFTER_ARRIVAL + 999)).toBe('attentive');
    expect(budgetMode(LONG_AFTER_ARRIVAL + 1_001)).toBe('idle');
  });

  it('is not bought by the page: a key press a script dispatches does not count as the person', () => {
    expectWork(true);
    at(LONG_AFTER_ARRIVAL);
    const stop = watchDom(() => {}); // the listeners start with the first watch
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(budgetMode()).toBe('idle');
    stop();
  });

  it('probes a change the person waits for at once, borrowing at most one burst, and makes any other change wait', async () => {
    let now = 1_000_000; // long after every earlier test: the bucket is full
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const release = attend(60_000);
    const { burstMs, throttleMs } = PROBE_BUDGETS.attentive;
    const PROBE_MS = 1.5 * burstMs; // each probe overdraws the bucket by half a burst or more
    let probes = 0;
    const stop = watchDom(
      () => {
        probes++;
        now += PROBE_MS;
      },
      { awaits: (records) => records.some((r) => (r.target as Element).id === 'awaited') },
    );
    const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
    const observed = async () => {
      await nextTask(); // the observer's callback has run
      await nextTask(); // and a probe it put off for the next task
    };
    const awaited = document.body.appendChild(Object.assign(document.createElement('div'), { id: 'awaited' }));
    const other = document.body.appendChild(document.createElement('div'));
    await observed();
    expect(probes).toBe(1); // the appends, in the next task: half a burst of debt now
    const change = async (el: Element) => {
      now += throttleMs;
      el.setAttribute('data-at', String(now));
      await observed();
    };
    await change(other);
    expect(probes).toBe(1); // any other change waits until the debt is repaid
    await change(awaited);
    expect(probes).toBe(2); // the awaited change borrows: run at once, in place of the probe put off
    await change(awaited);
    expect(probes).toBe(2); // past one burst of debt, even an awaited change waits
    stop();
    release();
    awaited.remove();
    other.remove();
  });

  it('probes a change the person waits for at once even right after the last probe: a timer can be held back', async () => {
    let now = 2_000_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const release = attend(60_000);
    let probes = 0;
    const stop = watchDom(
      () => {
        probes++;
        now += 1; // well within the throttle
      },
      { awaits: () => true },
    );
    const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
    const el = document.body.appendChild(document.createElement('div'));
    await nextTask();
    expect(probes).toBe(1);
    el.setAttribute('data-shown', 'token');
    await nextTask(); // the observer's callback: no timer has run since
    expect(probes).toBe(2);
    stop();
    release();
    el.remove();
  });

  it('spends far less while idle than while attentive', () => {
    expect(PROBE_BUDGETS.idle.share).toBeLessThanOrEqual(0.005);
    expect(PROBE_BUDGETS.hidden.share).toBeLessThan(PROBE_BUDGETS.idle.share);
    expect(PROBE_BUDGETS.attentive.throttleMs).toBeLessThan(1000 / 60); // within a frame
  });
});
