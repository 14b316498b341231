// The alternative a user has: copy and paste by hand, timed with the keystroke-level model (KLM).
// Operator times: Card, Moran & Newell, "The keystroke-level model for user performance time with interactive
// systems", Communications of the ACM 23(7), 1980, pp. 396–410.

/** Seconds per operator (Card, Moran & Newell 1980, Fig. 1). */
export const KLM_SECONDS = {
  /** K: a keystroke or mouse-button press; 0.20 s for a good typist, 0.28 s for an average non-secretary typist. */
  K: { best: 0.2, typical: 0.28 },
  /** P: point with a mouse at a target on the screen. */
  P: 1.1,
  /** H: move a hand between keyboard and mouse. */
  H: 0.4,
  /** M: mentally prepare (find the next thing to do). */
  M: 1.35,
} as const;

/** The manual steps, written as KLM operator strings; each mouse click is one K (button press). */
export const MANUAL_STEPS: readonly { step: string; ops: string }[] = [
  { step: 'point at the token and select it (press, drag, release)', ops: 'MPKPK' },
  { step: 'copy (Ctrl+C)', ops: 'HKK' },
  { step: 'switch to the Okta tab (Ctrl+Tab)', ops: 'MKK' },
  { step: 'point at Edit, click', ops: 'HMPK' },
  { step: 'point at Enable API integration, click', ops: 'MPK' },
  { step: 'point at the API Token field, click', ops: 'MPK' },
  { step: 'paste (Ctrl+V)', ops: 'HKK' },
  { step: 'point at Test API Credentials, click', ops: 'HMPK' },
];

/** The step a person still does with the relay: switch to the Okta tab. */
export const RELAY_STEPS: readonly { step: string; ops: string }[] = [MANUAL_STEPS[2]!];

export function klmSeconds(steps: readonly { ops: string }[], k: number): number {
  const time = { K: k, P: KLM_SECONDS.P, H: KLM_SECONDS.H, M: KLM_SECONDS.M } as Record<string, number>;
  return steps.reduce((total, { ops }) => total + [...ops].reduce((sum, op) => sum + time[op]!, 0), 0);
}
