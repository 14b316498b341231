// How long the target engine waits for each thing a page does, and why that long.
export const STEP_TIMEOUT_MS = 10_000; // controls that appear after a click render within a few seconds on a slow console
export const OUTCOME_TIMEOUT_MS = 45_000; // Okta's test calls the SCIM server; slow servers take tens of seconds
export const SAVE_TIMEOUT_MS = 20_000; // a save round-trip to the IdP
export const PANE_WAIT_MS = 30 * 60_000; // an admin may leave the tab on another pane for a long time
/**
 * Before the fields are checked again after typing: the page's re-render (React and Angular re-render within the
 * input event, Vue, Svelte, Lit and Preact in a microtask, anything else within a 60 Hz frame) and its timers set
 * off by the input (a hostile field moved away 10 ms later) run first. Test is pressed only after a second check
 * in the same task as the click, however long the way there took (fill-and-test.ts), so a longer pause would only
 * keep the person waiting.
 */
export const READBACK_DELAY_MS = 20;
export const USABLE_WAIT_MS = 3_000; // a disabled button or loading overlay clears within a moment; a trap does not
export const FRAME_HANDSHAKE_RETRY_MS = 500; // a frame may ask before the top page's script has introduced the tab
/** A hand-off probes generously (utils/dom/wait.ts) until its verdict, and never longer than its slowest path. */
export const HAND_OFF_ATTENTION_MS = 4 * STEP_TIMEOUT_MS + OUTCOME_TIMEOUT_MS;
