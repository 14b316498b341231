// How long the target engine waits for each thing a page does, and why that long.
export const STEP_TIMEOUT_MS = 10_000; // controls that appear after a click render within a few seconds on a slow console
export const OUTCOME_TIMEOUT_MS = 45_000; // Okta's test calls the SCIM server; slow servers take tens of seconds
export const SAVE_TIMEOUT_MS = 20_000; // a save round-trip to the IdP
export const PANE_WAIT_MS = 30 * 60_000; // an admin may leave the tab on another pane for a long time
/** Before the field is checked again after typing: a framework's re-render, and a page's timer set off by the input (a hostile field moved away 10 ms later), both run first. */
export const READBACK_DELAY_MS = 50;
export const USABLE_WAIT_MS = 3_000; // a disabled button or loading overlay clears within a moment; a trap does not
export const FRAME_HANDSHAKE_RETRY_MS = 500; // a frame may ask before the top page's script has introduced the tab
/** A hand-off probes generously (utils/dom/wait.ts) until its verdict, and never longer than its slowest path. */
export const HAND_OFF_ATTENTION_MS = 4 * STEP_TIMEOUT_MS + OUTCOME_TIMEOUT_MS;
