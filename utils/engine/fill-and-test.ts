// One hand-off through the form, in order (act, then verify): reveal, enable, check the Base URL, find the token
// field and Test, type the token and read it back, press Test, read the verdict. And the same again after a
// sign-in prompt replaced the form midway (Okta's idle timeout between Edit and Test).
import type { TargetAdapter } from '../adapters/types';
import { present } from '../dom/pick';
import { delay, waitFor, watchDom } from '../dom/wait';
import type { FillGrant, StepId } from '../protocol';
import type { BaseUrlGuard } from './base-url-guard';
import { clearTyped, enableIfNeeded, needAll, readBacks, revealForm, typeChecked, type FormContext } from './form-steps';
import { signedOut } from './target-page';
import { Stopped } from './target-stops';
import { PANE_WAIT_MS, READBACK_DELAY_MS } from './target-timing';
import { testAndRead, type NoticeInbox, type Verdict } from './verdict';

export interface FillParts {
  guard: BaseUrlGuard;
  inbox: NoticeInbox;
  progress: (step: StepId) => Promise<unknown>;
}

/** Reveal, fill and test, once. Undefined when called off: by the page, or by a sign-in prompt replacing the form. */
export async function fillAndTest(ctx: FormContext, grant: Extract<FillGrant, { kind: 'fill' }>, parts: FillParts): Promise<Verdict | undefined> {
  const { adapter, signal } = ctx;
  await revealForm(ctx);
  await enableIfNeeded(ctx);
  const baseUrlTyped = await parts.guard.fill(ctx, grant);
  // Test must be usable before the token goes in: found covered only after typing, it would leave the token
  // in a form nobody tested. It is checked again when pressed. Disabled is fine: some forms (Entra's new
  // configuration) enable it only once the fields hold something.
  const [field] = await needAll(ctx, [
    { spec: adapter.token, typing: true, stage: 'untouched' },
    { spec: adapter.test, stage: 'untouched', disabledIsFine: true },
  ]);
  if (signal.aborted || signedOut(adapter)) return undefined; // never type once a sign-in prompt shows
  parts.guard.tokenTypedInto(field);
  const tokenTyped = typeChecked(ctx, field, grant.token, adapter.token, 'typed');
  // Both fields are read back after one pause and again as Test is pressed: the Base URL's first, and if it did
  // not hold, the token comes out.
  const stillAsTyped = readBacks([baseUrlTyped, tokenTyped], () => clearTyped(field, present(adapter.token)[0]));
  await delay(READBACK_DELAY_MS, signal);
  stillAsTyped();
  void parts.progress('fill');
  const outcome = await testAndRead(ctx, parts.guard, parts.inbox, () => parts.progress('test'), stillAsTyped);
  return signal.aborted ? undefined : outcome;
}

/**
 * Runs `attempt`, and when a sign-in prompt replaces the form midway waits for the person to sign in and the pane
 * to come back in the same tab, then starts it again from Edit, as the card promised (`onPrompt` and `onBack`
 * tell the card). Nothing is ever typed into or pressed on the prompt.
 */
export async function acrossSignIn(
  adapter: TargetAdapter,
  signal: AbortSignal,
  attempt: (signal: AbortSignal) => Promise<Verdict | undefined>,
  onPrompt: () => void,
  onBack: () => void,
): Promise<Verdict | undefined> {
  for (;;) {
    const interrupted = new AbortController();
    const stopWatching = watchDom(() => {
      if (signedOut(adapter)) interrupted.abort();
    });
    try {
      const outcome = await attempt(AbortSignal.any([signal, interrupted.signal]));
      if (!interrupted.signal.aborted && !signedOut(adapter)) return outcome;
    } catch (error) {
      if (!(error instanceof Stopped) || !signedOut(adapter)) throw error;
    } finally {
      stopWatching();
    }
    if (signal.aborted) return undefined;
    onPrompt();
    const back = await waitFor(() => (present(adapter.integration).length && !signedOut(adapter) ? true : undefined), { signal, timeoutMs: PANE_WAIT_MS });
    if (!back || signal.aborted) return undefined;
    onBack();
  }
}
