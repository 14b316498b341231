// The part of the guide every IdP shares, and the words each step's sentence may name.
import type { ControlSpec } from '../dom/locate';
import type { GuideStep, TargetAdapter } from '../adapters/types';

/** The end of every IdP's part, once its token field shows: “Fill and test” on the card, the IdP's save, rest. */
export function finishGuide(token: ControlSpec, save: ControlSpec): GuideStep[] {
  return [
    { id: 'fill', say: 'guideFill', withoutToken: 'guideNeedToken', spot: token, done: { phase: ['verified', 'saved'] } },
    { id: 'save', say: 'guideSave', spot: save, done: { phase: ['saved'] } },
    { id: 'finished', say: 'guideFinished', done: 'never' },
  ];
}

/**
 * What a target's guide sentences substitute, in this order ($1…$5 in the locales): the IdP's name, then its own
 * names for the token field, the test and save controls, and the form, so one sentence serves every IdP.
 */
export function guideWords(adapter: TargetAdapter): string[] {
  const { tokenField, testButton, saveButton, form } = adapter.words;
  return [adapter.label, tokenField, testButton, saveButton, form];
}
