// Statistics and the one table the bench prints.

export interface Figure {
  figure: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "< 50 ms"; empty when the figure is informational. */
  target: string;
  pass?: boolean;
}

export function quantile(samples: readonly number[], q: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1)); // nearest rank
  return sorted[index]!;
}

/** The usual median: the mean of the two middle samples when their number is even. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
}

function formatValue(f: Figure): string {
  const digits = Math.abs(f.value) >= 100 || Number.isInteger(f.value) ? 0 : f.unit === '×' ? 3 : f.unit === '%' ? 2 : 1;
  return `${f.value.toFixed(digits)} ${f.unit}`.trim();
}

export function table(figures: readonly Figure[]): string {
  const rows = [
    ['figure', 'value', 'target', 'result'],
    ...figures.map((f) => [f.figure, formatValue(f), f.target || '—', f.pass === undefined ? 'info' : f.pass ? 'pass' : 'FAIL']),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w, i) => (i === 1 ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
