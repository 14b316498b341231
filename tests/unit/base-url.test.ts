// Tenant binding on the form: a Base URL already there that names another host than the token's stops the fill.
import { describe, expect, it } from 'vitest';
import { otherBaseUrlHost, SHOWN_VALUE_MAX_LENGTH, urlHost } from '../../utils/base-url';

const CAPTURED = 'https://acme.invisionapp.com/scim/v2';

describe('Base URL already in the form', () => {
  it('empty (or blank): nothing to ask about, the captured one goes in', () => {
    expect(otherBaseUrlHost('', CAPTURED)).toBeUndefined();
    expect(otherBaseUrlHost('   ', undefined)).toBeUndefined();
  });

  it('the same host, whatever the path or case: left as it is', () => {
    expect(otherBaseUrlHost('https://acme.invisionapp.com/scim/v2', CAPTURED)).toBeUndefined();
    expect(otherBaseUrlHost(' https://ACME.invisionapp.com/scim/v2/ ', CAPTURED)).toBeUndefined();
  });

  it('another host, a port, a look-alike: named, so the card can ask', () => {
    expect(otherBaseUrlHost('https://other.invisionapp.com/scim/v2', CAPTURED)).toBe('other.invisionapp.com');
    expect(otherBaseUrlHost('https://acme.invisionapp.com:8443/scim/v2', CAPTURED)).toBe('acme.invisionapp.com:8443');
    expect(otherBaseUrlHost('https://acme.invisionapp.com.evil.example/scim/v2', CAPTURED)).toBe('acme.invisionapp.com.evil.example');
    expect(otherBaseUrlHost('https://acme.invisionapp.com@evil.example/scim/v2', CAPTURED)).toBe('evil.example');
  });

  it('something that is not a URL: only the start of it is shown', () => {
    expect(otherBaseUrlHost('x'.repeat(500), CAPTURED)).toBe('x'.repeat(SHOWN_VALUE_MAX_LENGTH));
    expect(otherBaseUrlHost('javascript:alert(1)', CAPTURED)).toBe('javascript:alert(1)');
  });

  it('no captured Base URL to compare with: any URL already there is named', () => {
    expect(otherBaseUrlHost('https://acme.invisionapp.com/scim/v2', undefined)).toBe('acme.invisionapp.com');
  });

  it('urlHost reads http(s) hosts only', () => {
    expect(urlHost(CAPTURED)).toBe('acme.invisionapp.com');
    expect(urlHost('ftp://acme.invisionapp.com/')).toBeUndefined();
    expect(urlHost(undefined)).toBeUndefined();
  });
});
