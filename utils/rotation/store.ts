// The rotation record in storage.local (it holds no token, only fingerprints): the background appends to it, the
// options page lists, exports and clears it, the popup reads "last rotated".
import { browser } from 'wxt/browser';
import { parseRecord, RECORD_KEY, type RotationEntry } from './record';

export async function loadRecord(): Promise<RotationEntry[]> {
  return parseRecord((await browser.storage.local.get(RECORD_KEY))[RECORD_KEY]);
}

/** Read, change, write: only the background writes entries, one relay transition at a time. */
export async function updateRecord(change: (record: RotationEntry[]) => RotationEntry[]): Promise<void> {
  await browser.storage.local.set({ [RECORD_KEY]: change(await loadRecord()) });
}

export async function clearRecord(): Promise<void> {
  await browser.storage.local.remove(RECORD_KEY);
}

/** Calls back with the new record whenever it changes (a hand-off ends, or it is cleared). */
export function watchRecord(onChange: (record: RotationEntry[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && RECORD_KEY in changes) onChange(parseRecord(changes[RECORD_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
