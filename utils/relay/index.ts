// The relay as a pure state machine: every transition is a function of (state, input, now), so unit tests can
// drive all of them; the background only persists the state and carries out the returned effects. No browser,
// no DOM, no clock in here: `now` is always an argument.
export { INITIAL_STATE, RelayState, TIMELINE_LIMIT, type Effect, type Phase, type TabPage, type TimelineEntry, type Transition } from './state';
export { answerReplace, capture, offerCapture, trustedClick, TRUSTED_CLICK_WINDOW_MS, type CaptureInput } from './capture';
export { closeTab, reportPage } from './pages';
export { allowTab, requestFill, type PairingCheck } from './fill';
export { progress, result, saved } from './verdict';
export { expireIfDue, forget } from './ending';
export { badgeFor, noteChanges, viewFor, type RelayView } from './views';
