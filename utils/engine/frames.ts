// Where a target script runs decides whether it may act: the top page on the adapter's hosts, or a frame that
// the adapter's frame rule admits inside such a page. Every other frame is left alone, silently.
import type { TargetAdapter } from '../adapters/types';
import { checkHost, isAllowedOrigin } from '../hosts';

export type FramePlace =
  | { kind: 'top' }
  /** An admitted frame; `topOrigin` goes with every message so the background can check it against the tab. */
  | { kind: 'frame'; topOrigin: string }
  | { kind: 'elsewhere' };

/**
 * `ancestorOrigins` lists the parent's origin first and the top page's last (Chromium, Safari). Firefox has no
 * such list, and a frame cannot read its parents' URLs, so there a frame is never admitted: it fails closed.
 */
export function placeOf(adapter: TargetAdapter, href: string, isTop: boolean, ancestorOrigins: readonly string[] | undefined): FramePlace {
  if (isTop) return { kind: 'top' };
  const rule = adapter.frames;
  if (!rule || !ancestorOrigins?.length || !checkHost(href, rule.hosts).ok) return { kind: 'elsewhere' };
  const topOrigin = ancestorOrigins[ancestorOrigins.length - 1]!;
  if (!isAllowedOrigin(topOrigin, adapter.hosts)) return { kind: 'elsewhere' };
  // Frames between this one and the top must be the IdP's own, too: no third party in the chain.
  const between = ancestorOrigins.slice(0, -1);
  if (!between.every((origin) => isAllowedOrigin(origin, adapter.hosts) || isAllowedOrigin(origin, rule.hosts))) {
    return { kind: 'elsewhere' };
  }
  return { kind: 'frame', topOrigin };
}

/** The running document's place. */
export function currentPlace(adapter: TargetAdapter): FramePlace {
  const ancestors = location.ancestorOrigins ? Array.from(location.ancestorOrigins) : undefined;
  return placeOf(adapter, location.href, window === window.top, ancestors);
}
