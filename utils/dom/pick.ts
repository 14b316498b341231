// Chooses the one control a person would use among every candidate the locators found: rendered, in the right
// section, usable. Hidden or off-screen duplicates drop out; two usable candidates mean "stop", never "guess".
import { candidates, type ControlSpec } from './locate';
import { isRendered, whyUnusable, type Unusable } from './usable';

export type Picked =
  | { ok: true; el: Element }
  | { ok: false; problem: 'missing' }
  | { ok: false; problem: 'ambiguous'; count: number }
  | { ok: false; problem: 'unusable'; why: Unusable };

/** The rendered candidates: what a person could see of the control right now. */
export function present(spec: ControlSpec, root: ParentNode = document): Element[] {
  return candidates(root, spec).filter(isRendered);
}

export function pick(spec: ControlSpec, opts: { typing?: boolean; ownUi?: Element; root?: ParentNode } = {}): Picked {
  const all = candidates(opts.root ?? document, spec);
  const shown = all.filter(isRendered);
  if (!shown.length) return all.length ? { ok: false, problem: 'unusable', why: 'not-rendered' } : { ok: false, problem: 'missing' };
  const verdicts = shown.map((el) => ({ el, why: whyUnusable(el, opts) }));
  const usable = verdicts.filter((v) => !v.why);
  if (usable.length === 1) return { ok: true, el: usable[0]!.el };
  if (usable.length > 1) return { ok: false, problem: 'ambiguous', count: usable.length };
  return { ok: false, problem: 'unusable', why: verdicts[0]!.why! };
}

/** Which of the given controls are on the page, by their names: what diagnostics may say about a page. */
export function census(specs: readonly ControlSpec[], root: ParentNode = document): { found: string[]; missing: string[] } {
  const found: string[] = [];
  const missing: string[] = [];
  for (const spec of specs) (present(spec, root).length ? found : missing).push(spec.name);
  return { found, missing };
}
