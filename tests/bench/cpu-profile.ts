// Reading V8 CPU profiles (CDP Profiler): how much of a page's main thread the extension's own code took, and
// which of its functions took it. Shared by the bench's cost figures and the hand-off profile (profile.ts).
import type { CDPSession } from 'puppeteer-core';

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

export const PROFILE_INTERVAL_US = 200; // fine enough to see probes that take a fraction of a millisecond

export async function startProfile(client: CDPSession): Promise<void> {
  await client.send('Profiler.enable');
  await client.send('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
  await client.send('Profiler.start');
}

export async function stopProfile(client: CDPSession): Promise<CpuProfile> {
  const { profile } = (await client.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  return profile;
}

/** Calls `visit` with each sample's node id and duration, idle samples left out. */
function eachBusySample(profile: CpuProfile, visit: (id: number, us: number) => void): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  (profile.samples ?? []).forEach((id, i) => {
    if (byId.get(id)?.callFrame.functionName === '(idle)') return;
    visit(id, profile.timeDeltas?.[i] ?? 0);
  });
}

/**
 * The extension's own time: samples whose stack holds a frame of a script under `ownUrl`, and all samples that are
 * not idle. It misses only work the browser does for our observers inside the page's own DOM calls (building
 * mutation records), which the with/without ratio sees.
 */
export function ownShare(profile: CpuProfile, ownUrl: string): { ownMs: number; busyMs: number } {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const isOurs = (id: number | undefined): boolean => {
    for (let at = id; at !== undefined; at = parent.get(at)) if (byId.get(at)?.callFrame.url.startsWith(ownUrl)) return true;
    return false;
  };
  let ownUs = 0;
  let busyUs = 0;
  eachBusySample(profile, (id, us) => {
    busyUs += us;
    if (isOurs(id)) ownUs += us;
  });
  return { ownMs: ownUs / 1000, busyMs: busyUs / 1000 };
}

export interface SelfTime {
  functionName: string;
  url: string;
  line: number;
  column: number;
  selfMs: number;
}

/** Functions by self time (the time spent in their own code, callees excluded), largest first. */
export function topSelfTimes(profile: CpuProfile, count: number, keep: (url: string) => boolean = () => true): SelfTime[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, SelfTime>();
  eachBusySample(profile, (id, us) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame || !keep(frame.url)) return;
    const key = `${frame.functionName}@${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
    const entry = totals.get(key) ?? { functionName: frame.functionName || '(anonymous)', url: frame.url, line: frame.lineNumber, column: frame.columnNumber, selfMs: 0 };
    entry.selfMs += us / 1000;
    totals.set(key, entry);
  });
  return [...totals.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, count);
}

/**
 * Functions by total time (their own code and everything they called, each sample counted once per function even
 * when it recurses), largest first: which step of the extension the self times above were spent under.
 */
export function topTotalTimes(profile: CpuProfile, count: number, keep: (url: string) => boolean = () => true): SelfTime[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, SelfTime>();
  eachBusySample(profile, (id, us) => {
    const counted = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || !keep(frame.url)) continue;
      const key = `${frame.functionName}@${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
      if (counted.has(key)) continue;
      counted.add(key);
      const entry = totals.get(key) ?? { functionName: frame.functionName || '(anonymous)', url: frame.url, line: frame.lineNumber, column: frame.columnNumber, selfMs: 0 };
      entry.selfMs += us / 1000;
      totals.set(key, entry);
    }
  });
  return [...totals.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, count);
}
