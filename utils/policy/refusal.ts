// The background's answer to a capture the organisation's policy refused (a source host not on its allow-list).
// Checked without zod: the source content script reads it.
import { matches } from '../check';

export const POLICY_REFUSAL = { refused: 'org-policy' } as const;

export function isPolicyRefusal(reply: unknown): boolean {
  return matches(reply, { refused: (v) => v === POLICY_REFUSAL.refused });
}
