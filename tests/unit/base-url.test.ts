// Tenant binding on the form: a Base URL already there that names another host than the token's stops the fill.
import { describe, expect, it } from 'vitest';
import { checkBaseUrl, sameDifference, SHOWN_VALUE_MAX_LENGTH } from '../../utils/base-url';

const CAPTURED = 'https://acme.invisionapp.com/scim/v2';

describe('Base URL already in the form', () => {
  it('empty (or blank): the captured one goes in', () => {
    expect(checkBaseUrl('', CAPTURED)).toEqual({ kind: 'empty' });
    expect(checkBaseUrl('   ', undefined)).toEqual({ kind: 'empty' });
  });

  it('the same host, whatever the path or case: left as it is', () => {
    expect(checkBaseUrl('https://acme.invisionapp.com/scim/v2', CAPTURED)).toEqual({ kind: 'same-host' });
    expect(checkBaseUrl(' https://ACME.invisionapp.com/scim/v2/ ', CAPTURED)).toEqual({ kind: 'same-host' });
  });

  it('another host, a port, a look-alike: asks, naming both', () => {
    expect(checkBaseUrl('https://other.invisionapp.com/scim/v2', CAPTURED)).toEqual({ kind: 'other-host', formHost: 'other.invisionapp.com', tokenHost: 'acme.invisionapp.com' });
    expect(checkBaseUrl('https://acme.invisionapp.com:8443/scim/v2', CAPTURED)).toMatchObject({ kind: 'other-host', formHost: 'acme.invisionapp.com:8443' });
    expect(checkBaseUrl('https://acme.invisionapp.com.evil.example/scim/v2', CAPTURED)).toMatchObject({ kind: 'other-host' });
  });

  it('something that is not a URL: asks, showing only the start of it', () => {
    const check = checkBaseUrl('x'.repeat(500), CAPTURED);
    expect(check).toEqual({ kind: 'other-host', formHost: 'x'.repeat(SHOWN_VALUE_MAX_LENGTH), tokenHost: 'acme.invisionapp.com' });
  });

  it('no captured Base URL to compare with: asks about any URL already there', () => {
    expect(checkBaseUrl('https://acme.invisionapp.com/scim/v2', undefined)).toEqual({ kind: 'other-host', formHost: 'acme.invisionapp.com' });
  });

  it('a yes counts only for the very difference the card showed', () => {
    const shown = checkBaseUrl('https://other.invisionapp.com/scim/v2', CAPTURED);
    expect(sameDifference(shown, checkBaseUrl('https://other.invisionapp.com/x', CAPTURED))).toBe(true);
    expect(sameDifference(shown, checkBaseUrl('https://third.invisionapp.com/scim/v2', CAPTURED))).toBe(false);
    expect(sameDifference(undefined, shown)).toBe(false);
  });
});
