// Guide mode: on each page, the next step of the whole setup, worked out from what the page shows (and whether a
// token is waiting), with a spotlight on its control. It reads and points; it never clicks.
import type { GuideDone, GuideStep } from '../adapters/types';
import { isChecked } from '../dom/act';
import type { InPageUi } from '../dom/in-page-ui';
import { present } from '../dom/pick';
import { watchDom } from '../dom/wait';
import { t } from '../i18n';
import type { Phase } from '../relay';

export const PHASE_POLL_MS = 1000; // the token's state changes in another tab; a second's lag is fine for a guide
const HOLDS_TOKEN: readonly Phase[] = ['captured', 'filling', 'verified', 'failed'];

export interface GuideDeps {
  steps: readonly GuideStep[];
  /** Steps on the sites before this one, and in the whole setup: for "step 7 of 16" (just "step 7" while the IdP,
   * and so the length of the rest, is not known yet). */
  offset: number;
  total?: number;
  siteLabel: string;
  /** What the steps' sentences name ($1…): on an IdP its own words (guide/steps.ts), on the source the next stop. */
  words: readonly string[];
  /** The way to this site's page, in its own words, for when the page is not what the step expects. */
  wayBack: string;
  ui: InPageUi;
  askPhase: () => Promise<Phase | undefined>;
  signal: AbortSignal;
}

/** Which step is next: the one after the last step the page shows as done, so it works from any point. */
export function currentStep(steps: readonly GuideStep[], isDone: (done: GuideDone) => boolean): number {
  let lastDone = -1;
  steps.forEach((step, i) => {
    if (isDone(step.done)) lastDone = i;
  });
  return Math.min(lastDone + 1, steps.length - 1);
}

export function startGuide(deps: GuideDeps): void {
  const { steps, ui } = deps;
  let phase: Phase | undefined;
  let shown = '';

  const isDone = (done: GuideDone): boolean => {
    if (done === 'never') return false;
    if ('present' in done) return present(done.present).length > 0;
    if ('checked' in done) return present(done.checked).some(isChecked);
    if ('path' in done) return done.path.test(location.pathname);
    return phase !== undefined && done.phase.includes(phase);
  };

  function render() {
    if (deps.signal.aborted) return;
    const index = currentStep(steps, isDone);
    const step = steps[index]!;
    const target = step.spot ? present(step.spot)[0] : undefined;
    const box = target?.getBoundingClientRect();
    const noToken = !!step.withoutToken && !(phase && HOLDS_TOKEN.includes(phase));
    const view = {
      title:
        deps.total === undefined
          ? t('guideTitleOpen', deps.offset + index + 1, deps.siteLabel)
          : t('guideTitle', deps.offset + index + 1, deps.total, deps.siteLabel),
      text: t(noToken ? step.withoutToken! : step.say, ...deps.words),
      lost: step.spot && !target && !noToken ? t('guideNotHere', deps.wayBack) : undefined,
      spot: box && !noToken ? { top: box.top, left: box.left, width: box.width, height: box.height } : undefined,
    };
    const key = JSON.stringify(view);
    if (key === shown) return; // redraw only on change: our own redraw must not feed the page watcher
    shown = key;
    ui.guide(view);
  }

  async function refreshPhase() {
    phase = await deps.askPhase();
    render();
  }

  const stopWatching = watchDom(render);
  const poll = setInterval(() => void refreshPhase(), PHASE_POLL_MS);
  const onMove = () => render();
  window.addEventListener('scroll', onMove, { passive: true, capture: true });
  window.addEventListener('resize', onMove, { passive: true });
  deps.signal.addEventListener(
    'abort',
    () => {
      stopWatching();
      clearInterval(poll);
      window.removeEventListener('scroll', onMove, { capture: true });
      window.removeEventListener('resize', onMove);
      ui.guide(undefined);
    },
    { once: true },
  );
  void refreshPhase();
}
