// Where a target script runs decides whether it may act: the top page on the adapter's hosts, or a frame that
// the adapter's frame rule admits inside such a page. Every other frame is left alone, silently.
import type { TargetAdapter } from '../adapters/types';
import { checkHost, isAllowedOrigin } from '../hosts';

export type FramePlace =
  | { kind: 'top' }
  /**
   * An admitted frame. `topOrigin` (from location.ancestorOrigins) goes with every message so the background can
   * check it against the tab; without it (Firefox) the background asks the tab's top page to vouch instead.
   */
  | { kind: 'frame'; topOrigin?: string }
  | { kind: 'elsewhere' };

/**
 * `ancestorOrigins` lists the parent's origin first and the top page's last (Chromium, Safari). Firefox has no such
 * list and a frame cannot read its parents' URLs: there only a direct child of the top page (`isTopsChild`, which
 * a frame can tell across origins) is a candidate, and the background admits it only when our script in the tab's
 * top page, on an allowed host, vouches for it (utils/engine/frames-vouch.ts).
 */
export function placeOf(
  adapter: TargetAdapter,
  href: string,
  isTop: boolean,
  ancestorOrigins: readonly string[] | undefined,
  isTopsChild = false,
): FramePlace {
  if (isTop) return { kind: 'top' };
  const rule = adapter.frames;
  if (!rule || !checkHost(href, rule.hosts).ok) return { kind: 'elsewhere' };
  if (!ancestorOrigins) return isTopsChild ? { kind: 'frame' } : { kind: 'elsewhere' };
  if (!ancestorOrigins.length) return { kind: 'elsewhere' };
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
  return placeOf(adapter, location.href, window === window.top, ancestors, window.parent === window.top);
}
