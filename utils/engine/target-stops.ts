// A hand-off stops by throwing `Stopped` from whichever step found the problem; utils/engine/target.ts reports it.
import type { TargetAdapter } from '../adapters/types';
import type { Picked } from '../dom/pick';
import { say, type FillStage } from '../messages';
import type { PageStatus } from '../protocol';
import type { Stop } from './handoff-machine';

export class Stopped extends Error {
  constructor(readonly stop: Stop) {
    super(stop.message);
  }
}

/** A stop about one control of the form (named in the page status), at a stage of the fill. */
export const stopAt = (message: string, status: PageStatus['code'], detail: string, stage: FillStage, asks?: string) =>
  new Stopped({ message, status, detail, stage, asks });

/** A control that is missing, ambiguous or not usable, said the way a person can act on. */
export function stopFor(adapter: TargetAdapter, name: string, picked: Exclude<Picked, { ok: true }>, stage: FillStage): Stopped {
  const frames = document.querySelectorAll('iframe, frame').length;
  const message =
    picked.problem === 'missing'
      ? say.missingControl(name, adapter, frames, stage)
      : picked.problem === 'ambiguous'
        ? say.ambiguousControl(name, picked.count, stage)
        : say.unusableControl(name, picked.why, stage);
  return stopAt(message, picked.problem === 'missing' ? 'layout-not-recognised' : 'unsafe-page', name, stage);
}
