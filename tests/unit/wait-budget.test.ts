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

  it('spends far less while idle than while attentive', () => {
    expect(PROBE_BUDGETS.idle.share).toBeLessThanOrEqual(0.005);
    expect(PROBE_BUDGETS.hidden.share).toBeLessThan(PROBE_BUDGETS.idle.share);
    expect(PROBE_BUDGETS.attentive.throttleMs).toBeLessThan(1000 / 60); // within a frame
  });
});
