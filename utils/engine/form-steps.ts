// The form steps of a hand-off (act), each as a person would do it: find the one usable control, reveal the form,
// make its choices, tick Enable, and type a value, then read the field back after the page had its moment.
import type { ChoiceStep, RevealStep, TargetAdapter } from '../adapters/types';
import { isChecked, press, readField, typeInto, isTextField } from '../dom/act';
import type { ControlSpec } from '../dom/locate';
import { pick, present, type Picked } from '../dom/pick';
import { formOf, isTextEntry, whyFieldChanged, whyUnusable } from '../dom/usable';
import { waitFor } from '../dom/wait';
import { say, type FillStage } from '../messages';
import type { Chooser } from './choose';
import { shownEnable, whenVisible } from './target-page';
import { STEP_TIMEOUT_MS, USABLE_WAIT_MS } from './target-timing';
import { stopAt, stopFor, Stopped } from './target-stops';

/** One attempt at the form: its adapter, our own card (never a control of the page), its signal. */
export interface FormContext {
  adapter: TargetAdapter;
  ownUi: Element;
  signal: AbortSignal;
  /** For adapters with choice steps (Entra): handed in by the site's entrypoint, so other scripts stay small. */
  chooser?: Chooser;
}

/** The control a reveal step acts on. */
export function controlOf(step: RevealStep): ControlSpec {
  return 'choose' in step ? step.choose : step;
}

interface NeedOptions {
  typing?: boolean;
  stage: FillStage;
  /** A control that is only disabled counts (Test stays disabled until the form holds a token). */
  disabledIsFine?: boolean;
}

const onlyDisabled = (picked: Picked, opts: NeedOptions) => !picked.ok && picked.problem === 'unusable' && picked.why === 'disabled' && !!opts.disabledIsFine;

export async function need(ctx: FormContext, spec: ControlSpec, opts: NeedOptions) {
  const { signal, ownUi } = ctx;
  // Wait for the control to render, then insist it is the one usable control of its kind.
  await waitFor(() => (present(spec).length ? true : undefined), { signal, timeoutMs: STEP_TIMEOUT_MS });
  const pickNow = () => pick(spec, { typing: opts.typing, ownUi });
  // Controls are often briefly disabled or under a loading overlay right after the previous step.
  let picked = pickNow();
  if (!picked.ok && picked.problem === 'unusable' && picked.why !== 'page-hidden' && !onlyDisabled(picked, opts)) {
    const settled = await waitFor(() => {
      const again = pickNow();
      return again.ok ? again : undefined;
    }, { signal, timeoutMs: USABLE_WAIT_MS });
    if (settled) picked = settled;
  }
  if (!picked.ok && picked.problem === 'unusable' && picked.why === 'page-hidden') {
    // The user switched tabs mid-hand-off: carry on when they come back, never act unseen.
    await whenVisible(signal);
    picked = pickNow();
  }
  if (onlyDisabled(picked, opts)) return present(spec)[0]!;
  if (!picked.ok) throw stopFor(ctx.adapter, spec.name, picked, opts.stage);
  return picked.el;
}

/**
 * Controls needed together (the token field and Test): once all have rendered, they are picked in one look at the
 * page, which then walks it for veils once, not once each (task-memo.ts); any not usable at once is waited for
 * and reported as `need` does.
 */
export async function needAll<const Wants extends readonly (NeedOptions & { spec: ControlSpec })[]>(
  ctx: FormContext,
  wants: Wants,
): Promise<{ [K in keyof Wants]: Element }> {
  type Found = { [K in keyof Wants]: Element };
  const { signal, ownUi } = ctx;
  await waitFor(() => (wants.every(({ spec }) => present(spec).length) ? true : undefined), { signal, timeoutMs: STEP_TIMEOUT_MS });
  const picked = wants.map(({ spec, typing }) => pick(spec, { typing, ownUi }));
  if (picked.every((p, i) => p.ok || onlyDisabled(p, wants[i]!))) return picked.map((p, i) => (p.ok ? p.el : present(wants[i]!.spec)[0]!)) as Found;
  const found: Element[] = [];
  for (const { spec, ...opts } of wants) found.push(await need(ctx, spec, opts));
  return found as Found;
}

/** Makes the choice a reveal step asks for; stops, naming the control, when it has no such option or ignores it. */
async function makeChoice(ctx: FormContext, step: ChoiceStep) {
  const control = await need(ctx, step.choose, { stage: 'untouched' });
  const result = ctx.chooser ? await ctx.chooser.choose(control, step.option, { signal: ctx.signal, ownUi: ctx.ownUi }) : 'no-option';
  if (result === 'chosen' || ctx.signal.aborted) return;
  const message = say.choiceNotMade(step.choose.name, ctx.chooser?.shown(control) ?? '');
  throw new Stopped({ message, status: 'layout-not-recognised', detail: step.choose.name, stage: 'untouched' });
}

/** Presses or chooses the reveal steps in order (skipping absent ones) until the token field shows. */
export async function revealForm(ctx: FormContext) {
  const { adapter } = ctx;
  // Open means a usable token field or the Enable checkbox: a decoy field hidden off-screen does not count.
  const decoys = present(adapter.token);
  const formShown = () =>
    pick(adapter.token, { typing: true, ownUi: ctx.ownUi }).ok ||
    present(adapter.token).some((el) => !decoys.includes(el)) ||
    shownEnable(adapter).length > 0;
  for (const [index, step] of adapter.reveal.entries()) {
    if (formShown()) return;
    const later = adapter.reveal.slice(index + 1);
    const progressed = () => formShown() || later.some((next) => present(controlOf(next)).length > 0);
    // Absent now means not needed on this layout (each step waits until the next control has rendered); a
    // later step already on screen means this one was done before (Provisioning Mode already Automatic).
    if (!present(controlOf(step)).length || progressed()) continue;
    if ('choose' in step) await makeChoice(ctx, step);
    else {
      const control = await need(ctx, step, { stage: 'untouched' });
      if (control.getAttribute('aria-expanded') === 'true') continue; // never collapse what is open
      press(control);
    }
    await waitFor(() => (progressed() ? true : undefined), { signal: ctx.signal, timeoutMs: STEP_TIMEOUT_MS });
  }
  if (!formShown()) throw stopFor(adapter, adapter.token.name, { ok: false, problem: 'missing' }, 'untouched');
}

export async function enableIfNeeded(ctx: FormContext) {
  const { adapter, ownUi } = ctx;
  const boxes = shownEnable(adapter);
  if (!adapter.enable || !boxes.length) return;
  const box = boxes[0]!;
  if (isChecked(box)) return;
  // Styled checkboxes hide the input and show the label: a person clicks whichever is visible.
  const labels = Array.from((box as HTMLInputElement).labels ?? []);
  const target = [box, ...labels].find((el) => !whyUnusable(el, { ownUi }));
  if (!target) throw stopFor(adapter, adapter.enable.name, { ok: false, problem: 'unusable', why: whyUnusable(box, { ownUi })! }, 'untouched');
  press(target);
  const fieldShown = await waitFor(() => (isChecked(box) && present(adapter.token).length ? true : undefined), {
    signal: ctx.signal,
    timeoutMs: STEP_TIMEOUT_MS,
  });
  if (!fieldShown) {
    const message = say.enableDidNotShowFields(adapter.enable.name, adapter.token.name);
    throw new Stopped({ message, status: 'layout-not-recognised', detail: adapter.token.name, stage: 'untouched' });
  }
}

/** What `typeChecked` leaves to check once the page had its moment: throws (the value taken out again) when it did not hold. */
export type ReadBack = () => void;

/**
 * Types the value as typing would, and stops (taking it out again) when the page moved, hid or retyped the field
 * on focus. Returns the read-back: the field must still be the one typed into, showing the value, once the page's
 * re-render and its timers set off by the input have run (`readBack`).
 */
export function typeChecked(ctx: FormContext, el: Element, value: string, spec: ControlSpec, stage: FillStage): ReadBack {
  if (!isTextField(el) || !isTextEntry(el)) throw stopFor(ctx.adapter, spec.name, { ok: false, problem: 'missing' }, stage);
  const chosen = { el, form: formOf(el) };
  const shown = () => (el.isConnected ? el : present(spec)[0]);
  const changed = () => whyFieldChanged(chosen, shown(), { ownUi: ctx.ownUi });
  const stopChanged = (why: NonNullable<ReturnType<typeof changed>>) => {
    clearTyped(el, shown());
    return stopAt(say.fieldChanged(spec.name, why), 'unsafe-page', spec.name, 'untouched');
  };
  // The page may move, hide or retype the field on focus: checked once it has focus, before the value goes in.
  const check = () => {
    const why = changed();
    if (why) throw stopChanged(why);
    const now = shown();
    if (!now || readField(now) !== value) throw stopAt(say.fieldRejected(spec.name), 'layout-not-recognised', spec.name, stage);
  };
  if (!typeInto(el, value, () => !changed())) check();
  // And again after, since a framework re-render (what counts is the field the page shows now) or a timer may follow.
  return check;
}

/**
 * Runs the read-backs of the fields just typed, in order: once after one pause for them all (READBACK_DELAY_MS; a
 * pause per field cost the person 50 ms each), and again as Test is pressed. When one fails, `alsoClear` (the
 * token, typed after the Base URL) comes out too.
 */
export function readBacks(readBacks: readonly (ReadBack | undefined)[], alsoClear: () => void): ReadBack {
  return () => {
    try {
      for (const check of readBacks) check?.();
    } catch (error) {
      alsoClear();
      throw error;
    }
  };
}

/** Takes a typed value out of the field again (and out of a re-rendered copy of it). */
export function clearTyped(...fields: (Element | undefined)[]) {
  for (const field of fields) if (field && isTextField(field)) typeInto(field, '');
}
