// Exact host checks at run time: match patterns cannot express "<org>-admin.okta.com", so every adapter
// re-checks the page URL here before acting.

/** A site's hosts: one label (optionally constrained) directly under one of the listed registrable suffixes. */
export interface HostRule {
  /** Registrable suffixes, lower case, no leading dot (e.g. "okta.com"). */
  suffixes: readonly string[];
  /** The single label in front of the suffix must match this (e.g. /-admin$/ for Okta's admin console). */
  label: RegExp;
  /** Hosts that are accepted exactly as written (e.g. "portal.azure.com"). */
  exactHosts?: readonly string[];
}

export type HostVerdict =
  | { ok: true; host: string; origin: string }
  | { ok: false; reason: HostRejection; host: string };

export type HostRejection =
  | 'not-a-url'
  | 'not-https'
  | 'has-credentials'
  | 'has-port'
  | 'not-a-listed-site'
  | 'wrong-subdomain'
  | 'look-alike';

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Checks a URL against a rule; the URL parser does the normalising (case, trailing dot handled explicitly). */
export function checkHost(rawUrl: string, rule: HostRule): HostVerdict {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, reason: 'not-a-url', host: '' };
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:') return { ok: false, reason: 'not-https', host };
  if (url.username || url.password) return { ok: false, reason: 'has-credentials', host };
  if (url.port) return { ok: false, reason: 'has-port', host };
  // A trailing dot is a different origin for the browser; refuse rather than normalise.
  if (host.endsWith('.')) return { ok: false, reason: 'not-a-listed-site', host };
  if (host.split('.').some((label) => label.startsWith('xn--'))) return { ok: false, reason: 'look-alike', host };
  if (rule.exactHosts?.includes(host)) return { ok: true, host, origin: url.origin };
  const suffix = rule.suffixes.find((s) => host.endsWith(`.${s}`));
  if (!suffix) return { ok: false, reason: 'not-a-listed-site', host };
  const front = host.slice(0, -(suffix.length + 1));
  if (front.includes('.') || !DNS_LABEL.test(front) || !rule.label.test(front)) {
    return { ok: false, reason: 'wrong-subdomain', host };
  }
  return { ok: true, host, origin: url.origin };
}

export function isAllowedOrigin(origin: string, rule: HostRule): boolean {
  const verdict = checkHost(`${origin}/`, rule);
  return verdict.ok && verdict.origin === origin;
}
