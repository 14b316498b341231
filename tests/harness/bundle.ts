// Sizes of the built extension, raw and gzip, per file and per entrypoint (as the manifest loads them): shared by
// the size-budget test and the bench so both read the same numbers.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Budgets per entrypoint, in gzip bytes (1 KB = 1000 bytes): content scripts load into every matching admin page.
 * Issue #13's fourth round raised the content-script budget to 20.5 KB (a role index, the task memo); its fifth
 * took it back to 20.0 KB: the IdP scripts ask the background for their settings (page/settings) instead of
 * merging the managed policy themselves (entra.js 20.25 -> 19.4 KB). Issue #13's target is 15 KB.
 */
export const GZIP_BUDGETS = { contentScript: 20_000, background: 30_000, popup: 40_000 } as const;
const GZIP_LEVEL = 9; // what a careful packer does; the number is stable across machines

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface EntrypointSize {
  name: string;
  /** The manifest's main file for this entrypoint. */
  main: string;
  files: string[];
  gzip: number;
  budget: number;
}

export function fileSize(dir: string, file: string): FileSize {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: GZIP_LEVEL }).length };
}

export function builtFiles(dir: string): FileSize[] {
  const walk = (sub: string): string[] =>
    readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(posix.join(sub, entry.name)) : [posix.join(sub, entry.name)],
    );
  return walk('')
    .map((file) => fileSize(dir, relative('', file)))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** A script and every chunk it imports statically (Vite emits `from"/chunks/x.js"` or relative specifiers). */
function withImports(dir: string, file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  if (!file.endsWith('.js')) return [file];
  const code = readFileSync(join(dir, file), 'utf8');
  const specifiers = [...code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)].map((m) => m[1]!);
  const resolved = specifiers.map((s) => (s.startsWith('/') ? s.slice(1) : posix.join(posix.dirname(file), s)));
  return [file, ...resolved.flatMap((f) => withImports(dir, f, seen))];
}

/** What each entrypoint makes the browser load, from the built manifest. */
export function entrypointSizes(dir: string): EntrypointSize[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    background: { service_worker: string };
    action: { default_popup: string };
    content_scripts: { js?: string[]; css?: string[] }[];
  };
  const sum = (name: string, files: string[], budget: number): EntrypointSize => ({
    name,
    main: files[0]!,
    files,
    budget,
    gzip: files.reduce((total, f) => total + fileSize(dir, f).gzip, 0),
  });
  // Declared in the manifest, plus those registered at run time (built into content-scripts/ all the same).
  const declared = manifest.content_scripts.flatMap((cs) => [...(cs.js ?? []), ...(cs.css ?? [])]);
  const registered = readdirSync(join(dir, 'content-scripts')).map((f) => `content-scripts/${f}`);
  const contentScripts = [...new Set([...declared, ...registered])];
  const popupHtml = manifest.action.default_popup;
  const html = readFileSync(join(dir, popupHtml), 'utf8');
  const popupAssets = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return [
    ...contentScripts.map((file) => sum(`content script ${file}`, withImports(dir, file), GZIP_BUDGETS.contentScript)),
    sum('background', withImports(dir, manifest.background.service_worker), GZIP_BUDGETS.background),
    // A chunk both preloaded by the page and imported by its script is loaded once: count it once.
    sum('popup', [...new Set([popupHtml, ...popupAssets.flatMap((f) => withImports(dir, f))])], GZIP_BUDGETS.popup),
  ];
}
