// The rotation record as files for auditors: CSV for spreadsheets, JSON for tools. Options page only (kept out
// of the module the popup shares, which has a size budget).
import type { RotationEntry } from './record';

const CSV_COLUMNS = ['at', 'source_host', 'idp', 'idp_host', 'app', 'outcome', 'verdict', 'saved', 'duration_ms', 'fingerprint'] as const;

/** A CSV cell: quoted when needed, and a leading = + - @ made inert so a spreadsheet never runs page text as a formula. */
function cell(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function recordToCsv(record: readonly RotationEntry[]): string {
  const rows = record.map((e) =>
    [new Date(e.at).toISOString(), e.sourceHost, e.idp, e.idpHost, e.app, e.outcome, e.verdict, e.saved, e.durationMs, e.fingerprint].map(cell).join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

export function recordToJson(record: readonly RotationEntry[]): string {
  return JSON.stringify(record.map((e) => ({ ...e, at: new Date(e.at).toISOString() })), null, 2);
}
