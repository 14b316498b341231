// The target page's hand-off machine: every transition, driven event by event as the page, the background and
// the person would, including the ones it refuses.
import { describe, expect, it } from 'vitest';
import {
  FRAME_HANDSHAKE_TRIES,
  handoff,
  initialHandoff,
  isBusy,
  maySave,
  type HandoffEffect,
  type HandoffEvent,
  type HandoffState,
  type Stop,
} from '../../utils/engine/handoff-machine';

const PATH = '/admin/app/invision/instance/0oa1/';
const OTHER_PATH = '/admin/apps/active';

/** Runs the events in order from `state` and returns the last transition. */
function drive(state: HandoffState, ...events: HandoffEvent[]) {
  let effects: HandoffEffect[] = [];
  for (const event of events) ({ state, effects } = handoff(state, event));
  return { state, effects };
}

const looking = (inFrame = false) => drive(initialHandoff(PATH, inFrame), { type: 'page-changed', pathname: PATH }).state;
const asking = () => drive(looking(), { type: 'pane-ready' }).state;
const filling = (autoSave = false) => drive(asking(), { type: 'answered', grant: 'fill', autoSave }).state;
const tested = (ok = true) => {
  const verdict = { ok, message: ok ? 'Verified.' : '401 Unauthorized' };
  return drive(filling(), { type: 'verdict', ...verdict }, { type: 'verdict-reported', ...verdict }).state;
};
const otherHostStop: Stop = { message: 'The Base URL names evil.example.', status: 'unsafe-page', detail: 'Base URL', stage: 'untouched', asks: 'evil.example' };

describe('hand-off machine', () => {
  it('starts looking for the pane on the page it loaded on', () => {
    const { state, effects } = handoff(initialHandoff(PATH, false), { type: 'page-changed', pathname: PATH });
    expect(state.phase).toBe('looking');
    expect(effects).toEqual([{ kind: 'restart' }]);
  });

  it('asks for the token once the pane shows, and refuses a second request while the first is out', () => {
    const asked = handoff(looking(), { type: 'pane-ready' });
    expect(asked.state.phase).toBe('asking');
    expect(asked.effects).toEqual([{ kind: 'ask', confirmed: false }]);
    expect(isBusy(asked.state)).toBe(true);
    expect(handoff(asked.state, { type: 'pane-ready' }).effects).toEqual([]);
  });

  it('fills when granted, remembering that this page had the token and whether it may save on its own', () => {
    const { state, effects } = handoff(asking(), { type: 'answered', grant: 'fill', autoSave: true });
    expect(effects).toEqual([{ kind: 'fill' }]);
    expect(state).toMatchObject({ phase: 'filling', granted: true, autoSave: true });
  });

  it('shows why when told to wait, and is no longer busy', () => {
    const { state, effects } = handoff(asking(), { type: 'answered', grant: 'wait' });
    expect(effects).toEqual([{ kind: 'show-wait' }]);
    expect(state.phase).toBe('waiting');
    expect(isBusy(state)).toBe(false);
  });

  it('refuses a second fill while one runs: the background, the card and the same page again change nothing', () => {
    const state = filling();
    for (const event of [
      { type: 'bg/token-available', pathname: PATH },
      { type: 'bg/fill-here', pathname: PATH },
      { type: 'fill-clicked', pathname: PATH },
      { type: 'page-changed', pathname: PATH },
      { type: 'pane-ready' },
    ] as HandoffEvent[]) {
      expect(handoff(state, event)).toEqual({ state, effects: [] });
    }
  });

  it('calls the fill off when the path changes mid-fill, and looks again on the new page', () => {
    const { state, effects } = handoff(filling(), { type: 'page-changed', pathname: OTHER_PATH });
    expect(effects).toEqual([{ kind: 'restart' }]);
    expect(state).toMatchObject({ phase: 'looking', pathname: OTHER_PATH });
    expect(isBusy(state)).toBe(false);
  });

  it('a frame the background did not answer asks again, FRAME_HANDSHAKE_TRIES times, then stays silent', () => {
    let state = drive(looking(true), { type: 'pane-ready' }).state;
    for (let i = 0; i < FRAME_HANDSHAKE_TRIES; i++) {
      const next = handoff(state, { type: 'answered', grant: 'none' });
      expect(next.effects).toEqual([{ kind: 'retry-handshake' }]);
      expect(next.state.phase).toBe('introducing');
      state = drive(next.state, { type: 'page-changed', pathname: PATH }, { type: 'pane-ready' }).state;
    }
    const last = handoff(state, { type: 'answered', grant: 'none' });
    expect(last.effects).toEqual([]);
    expect(last.state.phase).toBe('waiting');
  });

  it('a top page that gets no answer does not ask again', () => {
    expect(handoff(asking(), { type: 'answered', grant: 'none' }).effects).toEqual([]);
  });

  it('reports a verdict, then shows it with Save; a failed one leaves nothing to save', () => {
    const read = handoff(filling(), { type: 'verdict', ok: true, message: 'Verified.' });
    expect(read.effects).toEqual([{ kind: 'report', outcome: 'verified', message: 'Verified.' }]);
    expect(handoff(filling(), { type: 'verdict', ok: false, message: '401' }).effects).toEqual([{ kind: 'report', outcome: 'failed', message: '401' }]);
    expect(read.state).toMatchObject({ phase: 'reporting', verified: true });
    expect(isBusy(read.state)).toBe(true);
    const shown = handoff(read.state, { type: 'verdict-reported', ok: true, message: 'Verified.' });
    expect(shown.effects).toEqual([{ kind: 'show-verdict', ok: true, message: 'Verified.' }]);
    expect(shown.state.phase).toBe('tested');
    expect(maySave(shown.state)).toBe(true);
    expect(maySave(tested(false))).toBe(false);
  });

  it('saves on its own after a verified test when the grant allows it, pressing Save', () => {
    const state = drive(filling(true), { type: 'verdict', ok: true, message: 'Verified.' }, { type: 'verdict-reported', ok: true, message: 'Verified.' });
    expect(state.effects).toEqual([{ kind: 'save', press: true }]);
    expect(state.state.phase).toBe('saving');
    const failed = drive(filling(true), { type: 'verdict', ok: false, message: '401' }, { type: 'verdict-reported', ok: false, message: '401' });
    expect(failed.effects).toEqual([{ kind: 'show-verdict', ok: false, message: '401' }]);
  });

  it('refuses a save before a verdict, while filling and while saving', () => {
    expect(handoff(looking(), { type: 'bg/save', pathname: PATH }).effects).toEqual([]);
    expect(handoff(filling(), { type: 'bg/save', pathname: PATH }).effects).toEqual([]);
    const saving = handoff(tested(), { type: 'bg/save', pathname: PATH });
    expect(saving.effects).toEqual([{ kind: 'save', press: true }]);
    expect(handoff(saving.state, { type: 'save-clicked', onPage: true }).effects).toEqual([]);
  });

  it('presses Save for the card’s Save; only watches the page confirm a Save the person pressed on the page', () => {
    expect(handoff(tested(), { type: 'save-clicked', onPage: false }).effects).toEqual([{ kind: 'save', press: true }]);
    expect(handoff(tested(), { type: 'save-clicked', onPage: true }).effects).toEqual([{ kind: 'save', press: false }]);
  });

  it('a save that outlives a path change still ends: nothing is left to save', () => {
    const saving = drive(tested(), { type: 'save-clicked', onPage: false }, { type: 'page-changed', pathname: OTHER_PATH }).state;
    expect(saving.phase).toBe('looking');
    expect(maySave(handoff(saving, { type: 'save-ended', ok: true }).state)).toBe(false);
  });

  it('a confirmed save leaves nothing to save again; a failed one may be retried', () => {
    const saving = drive(tested(), { type: 'bg/save', pathname: PATH }).state;
    const saved = handoff(saving, { type: 'save-ended', ok: true }).state;
    expect(saved).toMatchObject({ phase: 'saved', verified: false });
    const notSaved = handoff(saving, { type: 'save-ended', ok: false }).state;
    expect(notSaved.phase).toBe('tested');
    expect(maySave(notSaved)).toBe(true);
  });

  it('a stop before anything was typed only stopped; after typing, or at a later stage, the fill failed', () => {
    const untouched: Stop = { message: 'No token field.', status: 'layout-not-recognised', detail: 'API Token', stage: 'untouched' };
    expect(handoff(filling(), { type: 'stopped', stop: untouched, typed: false }).effects).toEqual([{ kind: 'report', outcome: 'stopped', message: untouched.message, stop: untouched }]);
    expect(handoff(filling(), { type: 'stopped', stop: untouched, typed: true }).effects[0]).toMatchObject({ outcome: 'failed' });
    expect(handoff(filling(), { type: 'stopped', stop: { ...untouched, stage: 'typed' }, typed: false }).effects[0]).toMatchObject({ outcome: 'failed' });
  });

  it('a stop about another Base URL host offers "Fill anyway", and the yes lets that host through once', () => {
    const reported = drive(filling(), { type: 'stopped', stop: otherHostStop, typed: false }, { type: 'stop-reported', stop: otherHostStop });
    expect(reported.effects).toEqual([{ kind: 'show-stop', stop: otherHostStop }]);
    expect(reported.state).toMatchObject({ phase: 'stopped', baseUrlAsked: 'evil.example' });
    const yes = handoff(reported.state, { type: 'fill-clicked', pathname: PATH });
    expect(yes.effects).toEqual([{ kind: 'restart' }]);
    expect(yes.state).toMatchObject({ confirmed: true, baseUrlAccepted: 'evil.example' });
    expect(handoff(yes.state, { type: 'accepted-host-used' }).state.baseUrlAccepted).toBeUndefined();
  });

  it('a card shown since the question takes it back: "Fill" then accepts no other host', () => {
    const asked = drive(filling(), { type: 'stopped', stop: otherHostStop, typed: false }, { type: 'stop-reported', stop: otherHostStop }, { type: 'card-shown' }).state;
    expect(handoff(asked, { type: 'fill-clicked', pathname: PATH }).state.baseUrlAccepted).toBeUndefined();
  });

  it('the yes on the card goes with the next request only, once', () => {
    const yes = drive(looking(), { type: 'fill-clicked', pathname: PATH }).state;
    const asked = handoff(yes, { type: 'pane-ready' });
    expect(asked.effects).toEqual([{ kind: 'ask', confirmed: true }]);
    expect(asked.state.confirmed).toBe(false);
  });

  it('an attempt that ends before its verdict was reported is called off; a finished one keeps its phase', () => {
    expect(handoff(filling(), { type: 'attempt-over' }).state.phase).toBe('called-off');
    expect(handoff(asking(), { type: 'attempt-over' }).state.phase).toBe('called-off');
    const done = tested();
    expect(handoff(done, { type: 'attempt-over' }).state).toEqual(done);
  });

  it('a forgotten token calls the attempt off, says so only to a page that had it, and not after a save', () => {
    const had = handoff(tested(), { type: 'bg/forgotten', pathname: PATH, reason: 'expired' });
    expect(had.effects).toEqual([{ kind: 'call-off' }, { kind: 'show-forgotten', reason: 'expired' }]);
    expect(maySave(had.state)).toBe(false);
    expect(handoff(tested(), { type: 'bg/forgotten', pathname: PATH, reason: 'saved' }).effects).toEqual([{ kind: 'call-off' }]);
    expect(handoff(looking(), { type: 'bg/forgotten', pathname: PATH, reason: 'replaced' }).effects).toEqual([{ kind: 'call-off' }]);
  });

  it('keeps verdicts forwarded from the top page only while a hand-off runs', () => {
    expect(handoff(filling(), { type: 'bg/notice', pathname: PATH, message: 'Connection verified' }).effects).toEqual([{ kind: 'keep-notice', text: 'Connection verified' }]);
    expect(handoff(tested(), { type: 'bg/notice', pathname: PATH, message: 'Connection verified' }).effects).toEqual([]);
  });

  it('takes the background’s messages as they come', () => {
    for (const type of ['bg/token-available', 'bg/fill-here'] as const) {
      expect(handoff(tested(), { type, pathname: PATH }).effects).toEqual([{ kind: 'restart' }]);
      expect(handoff(filling(), { type, pathname: PATH }).effects).toEqual([]); // never a second fill meanwhile
      expect(handoff(filling(), { type, pathname: OTHER_PATH }).effects).toEqual([]); // nor a restart: only the page moving on calls it off
    }
  });

  it('a token offered while idle looks again; a card yes while idle too', () => {
    expect(handoff(tested(), { type: 'bg/token-available', pathname: PATH }).effects).toEqual([{ kind: 'restart' }]);
    expect(handoff(handoff(asking(), { type: 'answered', grant: 'wait' }).state, { type: 'fill-clicked', pathname: PATH }).effects).toEqual([{ kind: 'restart' }]);
  });
});
