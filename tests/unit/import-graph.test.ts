// The house's walls: imports between the project's own modules form no circle (a circle means two modules that
// cannot be read, tested or moved apart). Type-only imports count too: they tie the files together just the same.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ROOMS = ['utils', 'components', 'entrypoints'];
const EXTENSIONS = ['.ts', '.tsx'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return EXTENSIONS.some((ext) => name.endsWith(ext)) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined; // packages are not ours
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  return [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => join(base, `index${ext}`))].find((path) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  });
}

export function importGraph(): Map<string, string[]> {
  const files = ROOMS.flatMap((room) => sourceFiles(join(ROOT, room)));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const specs = Array.from(text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm), (m) => m[1]!);
    const targets = specs.map((spec) => resolveImport(file, spec)).filter((path): path is string => !!path && files.includes(path));
    graph.set(file, targets);
  }
  return graph;
}

/** Every circle found by a depth-first walk, each as the list of files around it. */
export function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push(path.slice(path.indexOf(next)).map((f) => relative(ROOT, f)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('import graph', () => {
  it('has no circle among utils/, components/ and entrypoints/', () => {
    expect(circles(importGraph())).toEqual([]);
  });

  it('would see a circle if there were one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(circles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});
