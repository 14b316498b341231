// Text as a person reads it on a page: whitespace collapsed, and labels without their decorations.

export function normaliseText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Label and caption texts repeat from probe to probe ("Details", "API Token"): each is cleaned up once. */
const labelTexts = new Map<string, string>();
const LABEL_TEXT_MEMO_SIZE = 5_000; // a big console's distinct short texts; then it starts afresh
const LABEL_TEXT_MEMO_KEY_LENGTH = 200; // longer texts are whole regions: never captions, rarely asked again

/** Labels as a person reads them: without the required-field star, a trailing colon or "(required)". */
export function labelText(text: string | null | undefined): string {
  const raw = text ?? '';
  const known = labelTexts.get(raw);
  if (known !== undefined) return known;
  const clean = normaliseText(raw)
    .replace(/\s*\((required|optional)\)$/i, '')
    .replace(/[\s:*]+$/, '');
  if (raw.length <= LABEL_TEXT_MEMO_KEY_LENGTH) {
    if (labelTexts.size >= LABEL_TEXT_MEMO_SIZE) labelTexts.clear();
    labelTexts.set(raw, clean);
  }
  return clean;
}

/** The most characters labelText takes off besides whitespace, colons and stars: one "(required)" or "(optional)". */
export const LABEL_SUFFIX_MAX_LENGTH = '(required)'.length;
