// Press Test or Save and read what the IdP says (verify): its own words, from this document's announcements and
// from the top page's (forwarded by the background for framed forms), with the Base URL checked as each is pressed.
import { press } from '../dom/act';
import { present } from '../dom/pick';
import { waitFor } from '../dom/wait';
import { say } from '../messages';
import { watchAnnouncements } from './announcements';
import type { BaseUrlGuard } from './base-url-guard';
import { need, type FormContext } from './form-steps';
import { OUTCOME_TIMEOUT_MS, SAVE_TIMEOUT_MS } from './target-timing';

export interface Verdict {
  ok: boolean;
  message: string;
}

/**
 * Verdicts the IdP announced in the top page, forwarded by the background (frames with `verdictInTop`), oldest
 * first; emptied as Test or Save is pressed and as they are read.
 */
export type NoticeInbox = string[];

/** New announcements in this document, then verdicts the top page announced. */
function announcements(watch: ReturnType<typeof watchAnnouncements>, inbox: NoticeInbox): { text: string; isAlert: boolean }[] {
  const here = watch.take().map(({ el, text }) => ({ text, isAlert: el.matches('[role=alert]') }));
  const fromTop = inbox.splice(0).map((text) => ({ text, isAlert: false }));
  // An alert says more than a status line that changed with it ("Disabled" beside "401 Unauthorized").
  return [...here.filter((a) => a.isAlert), ...here.filter((a) => !a.isAlert), ...fromTop];
}

/**
 * Presses Test and reads the verdict, once `stillAsTyped` found the fields as they were typed (it throws
 * otherwise). `reportTestStep` tells the background first: a verdict announced in the top
 * page is accepted only once this step is known. Undefined when the attempt was called off before Test was pressed.
 */
export async function testAndRead(
  ctx: FormContext,
  guard: BaseUrlGuard,
  inbox: NoticeInbox,
  reportTestStep: () => Promise<unknown>,
  stillAsTyped: () => void,
): Promise<Verdict | undefined> {
  const { adapter, signal } = ctx;
  const button = await need(ctx, adapter.test, { stage: 'typed' });
  const watch = watchAnnouncements(adapter.outcome, { ownUi: ctx.ownUi });
  inbox.length = 0;
  // A verdict the top page announces is taken only once the background knows Test was pressed: there the step is
  // told first. Elsewhere the verdict is read here, and the person need not wait for the background's answer.
  const told = reportTestStep();
  if (adapter.frames?.verdictInTop) await told;
  if (signal.aborted || guard.movedTo() !== undefined) watch.stop();
  if (signal.aborted) return;
  guard.stopIfMoved('typed');
  stillAsTyped();
  press(button);
  const outcome = await waitFor(
    () => {
      for (const { text, isAlert } of announcements(watch, inbox)) {
        // Failure first: "could not be enabled" must not read as "enabled".
        if (adapter.outcome.failure.test(text)) return { ok: false, message: text };
        if (adapter.outcome.success.test(text)) return { ok: true, message: text };
        if (isAlert) return { ok: false, message: text };
      }
      return undefined;
    },
    { signal, timeoutMs: OUTCOME_TIMEOUT_MS },
  );
  watch.stop();
  guard.stopIfMoved('tested');
  return outcome ?? { ok: false, message: say.noOutcome(adapter.test.name, OUTCOME_TIMEOUT_MS / 1000) };
}

/**
 * Presses Save (unless the person already did: `press` false) and reads whether the IdP saved: its words, or the
 * token field gone with the form. Undefined when the script was called off before that.
 */
export async function saveAndRead(ctx: FormContext, guard: BaseUrlGuard | undefined, inbox: NoticeInbox, pressSave: boolean): Promise<Verdict | undefined> {
  const { adapter, signal } = ctx;
  const button = await need(ctx, adapter.save, { stage: 'tested' });
  if (signal.aborted) return;
  if (pressSave) guard?.stopIfMoved('tested');
  const watch = watchAnnouncements(adapter.outcome, { ownUi: ctx.ownUi });
  inbox.length = 0;
  if (pressSave) press(button);
  const outcome = await waitFor(
    () => {
      if (!present(adapter.token).length) return { ok: true, message: say.savedOk(adapter) };
      for (const { text } of announcements(watch, inbox)) {
        if (adapter.outcome.saved.test(text)) return { ok: true, message: say.savedOk(adapter) };
        if (adapter.outcome.failure.test(text)) return { ok: false, message: text };
      }
      return undefined;
    },
    { signal, timeoutMs: SAVE_TIMEOUT_MS },
  );
  watch.stop();
  return outcome ?? { ok: false, message: say.saveNotConfirmed(adapter.save.name, SAVE_TIMEOUT_MS / 1000) };
}
