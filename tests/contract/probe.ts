// Runs inside the fixture page: the real locator, picker and press code, bundled as is (runner.ts), behind a small
// API the runner calls with controls encoded as JSON (table.ts encodeForPage).
import { candidates, type ControlSpec } from '../../utils/dom/locate';
import { isChecked, press } from '../../utils/dom/act';
import { pick, present } from '../../utils/dom/pick';
import { isRendered } from '../../utils/dom/usable';
import { choose } from '../../utils/engine/choose';

export interface Observation {
  present: number;
  /** pick()'s verdict without the element: 'ok', or the refusal as the engine gets it. */
  pick: unknown;
  /** Whether the picked element matches the row's selector (undefined when nothing was picked or asked). */
  picksMatch?: boolean;
  /** The start of the picked element's markup, for a failure message. */
  picked?: string;
}

interface EncodedRegExp {
  $regexp: string;
  flags: string;
}

function decode<T = ControlSpec>(json: string): T {
  const isRegExp = (value: unknown): value is EncodedRegExp => !!value && typeof value === 'object' && '$regexp' in value;
  return JSON.parse(json, (_key, value: unknown) => (isRegExp(value) ? new RegExp(value.$regexp, value.flags) : value)) as T;
}

/** The one rendered match a step acts on; a step never guesses between several. */
function only(spec: ControlSpec): Element {
  const shown = present(spec);
  if (shown.length !== 1) throw new Error(`expected one rendered ${spec.name}, found ${shown.length}`);
  return shown[0]!;
}

/**
 * Styled checkboxes (MUI, Okta's Odyssey) lay a transparent input over a drawn box: present() does not count the
 * input, and a person clicks its label, as the target engine does (enableIfNeeded). Each such box with its label.
 */
function styledBoxes(spec: ControlSpec): { box: Element; label: Element }[] {
  return candidates(document, spec).flatMap((box) => Array.from((box as HTMLInputElement).labels ?? []).filter(isRendered).map((label) => ({ box, label })));
}

const probe = {
  /** A step's control has rendered: itself, or (a styled checkbox) its label. */
  ready(json: string): boolean {
    const spec = decode(json);
    return present(spec).length > 0 || styledBoxes(spec).length > 0;
  },

  press(json: string): void {
    press(only(decode(json)));
  },

  async choose(json: string, option: string): Promise<string> {
    return choose(only(decode(json)), decode<RegExp>(option), { signal: new AbortController().signal });
  },

  /** Ticks the box when it is not ticked yet: by itself, or a styled box by its label. */
  tick(json: string): void {
    const spec = decode(json);
    if (present(spec).length) {
      const box = only(spec);
      if (!isChecked(box)) press(box);
      return;
    }
    const styled = styledBoxes(spec);
    if (styled.length !== 1) throw new Error(`expected one rendered ${spec.name} or its label, found ${styled.length}`);
    if (!isChecked(styled[0]!.box)) press(styled[0]!.label);
  },

  observe(json: string, picks?: string): Observation {
    const spec = decode(json);
    const shown = present(spec).length;
    // The engine picks fields to type into, so a read-only field is refused the way the hand-off would refuse it.
    const picked = pick(spec, { typing: spec.kind === 'field' });
    if (!picked.ok) return { present: shown, pick: picked };
    return {
      present: shown,
      pick: 'ok',
      picksMatch: picks === undefined ? undefined : picked.el.matches(picks),
      picked: picked.el.outerHTML.slice(0, 160),
    };
  },
};

export type Probe = typeof probe;
(globalThis as unknown as { scimContract: Probe }).scimContract = probe;
