// The target page's hand-off as a pure state machine: (state, event) → (state, effects), so unit tests can drive
// every transition (tests/unit/handoff-machine.test.ts). utils/engine/target.ts feeds in what the page, the
// background and the person do, and carries out the effects; every decision about what happens next is made here.
import type { FillStage } from '../messages';
import type { BackgroundToContent, PageStatus } from '../protocol';
import type { FORGET_REASONS } from '../protocol-constants';

type ForgetReason = (typeof FORGET_REASONS)[number];

/** A frame may ask before the top page's script has introduced the tab: it asks this many more times. */
export const FRAME_HANDSHAKE_TRIES = 20; // ten seconds at FRAME_HANDSHAKE_RETRY_MS: the top page reports at its document_idle

export type HandoffPhase =
  | 'looking' // waiting for the integration pane (or for a sign-in to end), then for the tab to be visible
  | 'asking' // asked the background for the token (target/ready): its answer decides
  | 'introducing' // a frame the background did not answer: the top page's script has not introduced the tab yet
  | 'waiting' // the background said wait; the card says why and may offer the person a go-ahead
  | 'filling' // reveal, enable, Base URL, type, re-check, Test
  | 'reporting' // a verdict read, or a stop, on its way to the background
  | 'tested' // the verdict is on the card (Save offered when it verified)
  | 'stopped' // a stop is on the card, with its reason
  | 'saving'
  | 'saved'
  | 'called-off'; // the page moved on, the token was forgotten or the extension went away mid-hand-off

/** Why the hand-off stopped, about one control of the form, at a stage of the fill. No secret in it. */
export interface Stop {
  message: string;
  status: PageStatus['code'];
  detail?: string;
  stage: FillStage;
  /** The other host a Base URL names: the card offers "Fill anyway", and the person decides. */
  asks?: string;
}

export interface HandoffState {
  phase: HandoffPhase;
  /** The page the attempt runs on: a hand-off never finishes late on a different page. */
  pathname: string;
  /** This script runs in a sub-frame (its first questions may come before the top page's introduction). */
  inFrame: boolean;
  /** The IdP said the connection works, and nothing was saved since: Save may go ahead. */
  verified?: boolean;
  /** The grant allows saving on its own once verified. */
  autoSave?: boolean;
  /** One-shot: the person said yes on the card; the next request for the token carries it. */
  confirmed?: boolean;
  /** This page was given the token once: from then on "forgotten" is worth telling. */
  granted?: boolean;
  handshakeTries: number;
  /** The other Base URL host the card is asking about now (a stop's card asks; any other card takes it back). */
  baseUrlAsked?: string;
  /** That host, once the person said "Fill anyway": the next Base URL check lets it through, once. */
  baseUrlAccepted?: string;
}

export type HandoffEvent =
  | { type: 'page-changed'; pathname: string } // loaded, hash or location changed, sign-in gone, handshake retry
  /** The background's messages as they come (bg/token-available, bg/fill-here, bg/save, bg/forgotten, bg/notice). */
  | (BackgroundToContent & { pathname: string })
  | { type: 'fill-clicked'; pathname: string } // the card's Fill / Fill anyway
  | { type: 'save-clicked'; onPage: boolean } // the card's Save, or the page's own Save pressed by the person
  | { type: 'pane-ready' } // the pane is shown, the app read, the tab visible
  /** The background's answer: none (a frame not introduced yet), wait (with a reason for the card), or fill. */
  | { type: 'answered'; grant: 'none' | 'wait' | 'fill'; autoSave?: boolean }
  | { type: 'verdict'; ok: boolean; message: string }
  | { type: 'verdict-reported'; ok: boolean; message: string }
  | { type: 'stopped'; stop: Stop; typed: boolean }
  | { type: 'stop-reported'; stop: Stop }
  | { type: 'attempt-over' } // an attempt's flow ended, however: called off when it had not finished
  | { type: 'save-ended'; ok: boolean }
  | { type: 'card-shown' } // a card the machine did not ask for: whatever the card asked before is gone
  | { type: 'accepted-host-used' };

export type HandoffEffect =
  | { kind: 'restart' } // call off the attempt running and look for the pane again
  | { kind: 'ask'; confirmed: boolean }
  | { kind: 'retry-handshake' }
  | { kind: 'show-wait' }
  | { kind: 'fill' }
  /** The outcome to the background; `stop` also goes into the page status. */
  | { kind: 'report'; outcome: 'verified' | 'failed' | 'stopped'; message: string; stop?: Stop }
  | { kind: 'show-verdict'; ok: boolean; message: string }
  | { kind: 'show-stop'; stop: Stop }
  | { kind: 'save'; press: boolean } // press: the page's Save is still to be pressed (not when the person did)
  | { kind: 'call-off' } // the attempt running: the token it fills with is gone
  | { kind: 'show-forgotten'; reason: ForgetReason }
  | { kind: 'keep-notice'; text: string };

export interface Transition {
  state: HandoffState;
  effects: HandoffEffect[];
}

/** Nothing verified, confirmed or granted yet (the flags are absent until they hold). */
export const initialHandoff = (pathname: string, inFrame: boolean): HandoffState => ({ phase: 'looking', pathname, inFrame, handshakeTries: 0 });

const BUSY: readonly HandoffPhase[] = ['asking', 'filling', 'reporting', 'saving'];

/** From the request for the token to the verdict's report, and while saving: a second one must not start. */
export const isBusy = (state: HandoffState) => BUSY.includes(state.phase);

/** Save only what the IdP verified, one save at a time. */
export const maySave = (state: HandoffState) => state.verified && !isBusy(state);

/** The state with `changes`, and what to do about it. */
const go = (state: HandoffState, changes: Partial<HandoffState>, ...effects: HandoffEffect[]): Transition => ({ state: { ...state, ...changes }, effects });
const refused = (state: HandoffState): Transition => go(state, {});

/** Save only what the IdP verified, once at a time; `press`: the page's Save is still to be pressed. */
const save = (state: HandoffState, press: boolean): Transition => (maySave(state) ? go(state, { phase: 'saving' }, { kind: 'save', press }) : refused(state));

/** Look for the pane again on the page as it is now; mid-hand-off only when the page moved on. */
function restart(state: HandoffState, pathname: string, changes: Partial<HandoffState> = {}): Transition {
  if (isBusy(state) && pathname === state.pathname) return refused(state);
  return go(state, { ...changes, phase: 'looking', pathname }, { kind: 'restart' });
}

export function handoff(state: HandoffState, event: HandoffEvent): Transition {
  switch (event.type) {
    case 'page-changed':
      return restart(state, event.pathname);
    case 'bg/token-available': // a token is waiting
    case 'bg/fill-here': // the person chose this tab in the popup
      return isBusy(state) ? refused(state) : restart(state, event.pathname);
    case 'fill-clicked':
      return isBusy(state) ? refused(state) : restart(state, event.pathname, { confirmed: true, baseUrlAccepted: state.baseUrlAsked });
    case 'pane-ready':
      // Busy from the request on: a second request from this tab would read as "the page reloaded mid-fill".
      return isBusy(state) ? refused(state) : go(state, { phase: 'asking', confirmed: false }, { kind: 'ask', confirmed: !!state.confirmed });
    case 'answered':
      if (event.grant === 'fill') return go(state, { phase: 'filling', granted: true, autoSave: event.autoSave }, { kind: 'fill' });
      if (event.grant === 'wait') return go(state, { phase: 'waiting' }, { kind: 'show-wait' });
      // Unanswered: in a frame, most likely the top page's script has not reported yet. Ask again, a few times.
      if (!state.inFrame || state.handshakeTries >= FRAME_HANDSHAKE_TRIES) return go(state, { phase: 'waiting' });
      return go(state, { phase: 'introducing', handshakeTries: state.handshakeTries + 1 }, { kind: 'retry-handshake' });
    case 'verdict':
      return go(state, { phase: 'reporting', verified: event.ok }, { kind: 'report', outcome: event.ok ? 'verified' : 'failed', message: event.message });
    case 'verdict-reported':
      if (event.ok && state.autoSave) return go(state, { phase: 'saving' }, { kind: 'save', press: true });
      return go(state, { phase: 'tested' }, { kind: 'show-verdict', ok: event.ok, message: event.message });
    case 'stopped': {
      const { stop } = event;
      // Once anything went into the form the hand-off failed; before that it only stopped.
      return go(state, { phase: 'reporting' }, { kind: 'report', outcome: event.typed || stop.stage !== 'untouched' ? 'failed' : 'stopped', message: stop.message, stop });
    }
    case 'stop-reported':
      return go(state, { phase: 'stopped', baseUrlAsked: event.stop.asks }, { kind: 'show-stop', stop: event.stop });
    case 'attempt-over':
      return isBusy(state) ? go(state, { phase: 'called-off' }) : refused(state);
    case 'bg/save': // the popup's Save
      return save(state, true);
    case 'save-clicked':
      return save(state, !event.onPage);
    case 'save-ended':
      return go(state, { phase: event.ok ? 'saved' : 'tested', verified: state.verified && !event.ok });
    case 'bg/forgotten': {
      const told = state.granted && event.reason !== 'saved';
      return go(state, { verified: false }, { kind: 'call-off' }, ...(told ? [{ kind: 'show-forgotten', reason: event.reason } as const] : []));
    }
    case 'bg/notice': // a verdict the top page announced, for the frame that is filling
      return isBusy(state) ? go(state, {}, { kind: 'keep-notice', text: event.message }) : refused(state);
    case 'card-shown':
      return go(state, { baseUrlAsked: undefined });
    case 'accepted-host-used':
      return go(state, { baseUrlAccepted: undefined });
  }
}
