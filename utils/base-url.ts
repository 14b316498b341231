// Tenant binding on the IdP form: the Base URL already there is where the IdP will send the token when Test is
// pressed. If it names another host than the one the token was captured for, filling would hand the token to that
// host, so the hand-off stops and asks (issue #10, class 3). Pure, so unit tests cover every case.

export const SHOWN_VALUE_MAX_LENGTH = 80; // a host name, or the start of whatever else the page put in the field

/** The host (with any port) an http(s) URL names, lower case; undefined for anything else. */
export function urlHost(value: string | undefined): string | undefined {
  try {
    const url = new URL(value ?? '');
    return /^https?:$/.test(url.protocol) ? url.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the form's Base URL names when that is not the captured URL's host (or nothing was captured to compare
 * with): the host, or the start of whatever else is there. Undefined when the field is empty or names that host.
 */
export function otherBaseUrlHost(formValue: string, capturedUrl: string | undefined): string | undefined {
  const value = formValue.trim();
  if (!value) return undefined;
  const formHost = urlHost(value) ?? value.slice(0, SHOWN_VALUE_MAX_LENGTH);
  return formHost === urlHost(capturedUrl) ? undefined : formHost;
}
