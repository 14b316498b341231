// Tenant binding on the IdP form: the Base URL already there is where the IdP will send the token when Test is
// pressed. If it names another host than the one the token was captured for, filling would hand the token to that
// host, so the hand-off stops and asks (issue #10, class 3). Pure, so unit tests cover every case.

export const SHOWN_VALUE_MAX_LENGTH = 80; // a host name, or the start of whatever else the page put in the field

export type BaseUrlCheck =
  /** Nothing there: the captured Base URL goes in. */
  | { kind: 'empty' }
  /** The same host as the captured Base URL: left as the person set it up. */
  | { kind: 'same-host' }
  /** Another host (or no captured Base URL to compare with): ask before anything is typed. */
  | { kind: 'other-host'; formHost: string; tokenHost?: string };

function hostIn(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

export function checkBaseUrl(formValue: string, capturedUrl: string | undefined): BaseUrlCheck {
  const value = formValue.trim();
  if (!value) return { kind: 'empty' };
  const formHost = hostIn(value) ?? value.slice(0, SHOWN_VALUE_MAX_LENGTH);
  const tokenHost = capturedUrl ? hostIn(capturedUrl) : undefined;
  if (tokenHost && formHost === tokenHost) return { kind: 'same-host' };
  return tokenHost ? { kind: 'other-host', formHost, tokenHost } : { kind: 'other-host', formHost };
}

/** Did the person say yes to exactly this difference (the card showed these hosts)? */
export function sameDifference(a: BaseUrlCheck | undefined, b: BaseUrlCheck): boolean {
  return a?.kind === 'other-host' && b.kind === 'other-host' && a.formHost === b.formHost && a.tokenHost === b.tokenHost;
}
