// Host tables for the OneLogin and Entra cells, and the frame rule: which pages each target may act on.
import { describe, expect, it } from 'vitest';
import { entraAdapter } from '../../utils/adapters/entra.target';
import { oneloginAdapter } from '../../utils/adapters/onelogin.target';
import { placeOf } from '../../utils/engine/frames';
import { checkHost } from '../../utils/hosts';

const verdict = (url: string, rule = oneloginAdapter.hosts) => {
  const v = checkHost(url, rule);
  return v.ok ? 'ok' : v.reason;
};

describe('OneLogin hosts', () => {
  it.each([
    ['https://acme.onelogin.com/apps/1234567/edit', 'ok'],
    ['https://acme-corp.onelogin.com/apps/1/edit#configuration', 'ok'],
    ['https://www.onelogin.com/apps/1/edit', 'wrong-subdomain'],
    ['https://api.onelogin.com/apps/1/edit', 'wrong-subdomain'],
    ['https://onelogin.com/apps/1/edit', 'not-a-listed-site'],
    ['https://a.b.onelogin.com/apps/1/edit', 'wrong-subdomain'],
    ['https://acme.onelogin.com.evil.example/apps/1/edit', 'not-a-listed-site'],
    ['https://acme.evil-onelogin.com/apps/1/edit', 'not-a-listed-site'],
    ['http://acme.onelogin.com/apps/1/edit', 'not-https'],
    ['https://acme.onelogin.com:8443/apps/1/edit', 'has-port'],
    ['https://user:pw@acme.onelogin.com/apps/1/edit', 'has-credentials'],
    ['https://xn--acm-lna.onelogin.com/apps/1/edit', 'look-alike'],
  ])('%s → %s', (url, expected) => {
    expect(verdict(url)).toBe(expected);
  });

  it('acts only on the app editor, not on the end-user portal of the same host', () => {
    expect(oneloginAdapter.appPage.test('/apps/1234567/edit')).toBe(true);
    expect(oneloginAdapter.appPage.test('/portal')).toBe(false);
    expect(oneloginAdapter.appPage.test('/apps/1234567/edit/extra')).toBe(false);
  });
});

describe('Entra hosts', () => {
  it.each([
    ['https://portal.azure.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Provisioning', 'ok'],
    ['https://entra.microsoft.com/#view/x', 'ok'],
    ['https://portal.azure.us/', 'ok'],
    ['https://entra.microsoft.us/', 'ok'],
    ['https://portal.azure.cn/', 'ok'],
    ['https://evil.portal.azure.com/', 'not-a-listed-site'],
    ['https://portal.azure.com.evil.example/', 'not-a-listed-site'],
    ['https://portal-azure.com/', 'not-a-listed-site'],
    ['https://provisioning.reactblade.portal.azure.net/', 'not-a-listed-site'], // a frame host is never a top
    ['http://portal.azure.com/', 'not-https'],
    ['https://portal.azure.com:444/', 'has-port'],
  ])('%s → %s', (url, expected) => {
    expect(verdict(url, entraAdapter.hosts)).toBe(expected);
  });

  it.each([
    ['https://provisioning.reactblade.portal.azure.net/blade', 'ok'],
    ['https://x-1.reactblade.portal.azure.net/', 'ok'],
    ['https://reactblade.portal.azure.net/', 'not-a-listed-site'],
    ['https://a.b.reactblade.portal.azure.net/', 'wrong-subdomain'],
    ['https://x.reactblade.portal.azure.net.evil.example/', 'not-a-listed-site'],
    ['https://portal.azure.com/', 'not-a-listed-site'],
  ])('frame %s → %s', (url, expected) => {
    expect(verdict(url, entraAdapter.frames!.hosts)).toBe(expected);
  });
});

describe('which frame may act (placeOf)', () => {
  const BLADE = 'https://provisioning.reactblade.portal.azure.net/blade';
  it.each([
    ['the top page', 'https://portal.azure.com/', true, undefined, 'top'],
    ['the blade directly under the portal', BLADE, false, ['https://portal.azure.com'], 'frame'],
    ['the blade under a blade under the portal', BLADE, false, ['https://other.reactblade.portal.azure.net', 'https://entra.microsoft.com'], 'frame'],
    ['the blade under a look-alike top', BLADE, false, ['https://portal.azure.com.evil.example'], 'elsewhere'],
    ['the blade with a third party between it and the portal', BLADE, false, ['https://evil.example', 'https://portal.azure.com'], 'elsewhere'],
    ['the blade where ancestors are unknown (Firefox)', BLADE, false, undefined, 'elsewhere'],
    ['a same-origin portal frame that is not a blade', 'https://portal.azure.com/frame', false, ['https://portal.azure.com'], 'elsewhere'],
    ['a frame on a look-alike blade host', 'https://x.reactblade.portal.azure.net.evil.example/', false, ['https://portal.azure.com'], 'elsewhere'],
  ] as const)('%s', (_name, href, isTop, ancestors, expected) => {
    expect(placeOf(entraAdapter, href, isTop, ancestors).kind).toBe(expected);
  });

  it('admits no frame at all for a target without a frame rule', () => {
    expect(placeOf(oneloginAdapter, 'https://acme.onelogin.com/apps/1/edit', false, ['https://acme.onelogin.com']).kind).toBe('elsewhere');
  });

  it('in Firefox (no ancestorOrigins) admits only a blade directly under the top page, to be vouched for by the top', () => {
    expect(placeOf(entraAdapter, BLADE, false, undefined, true)).toEqual({ kind: 'frame' });
    expect(placeOf(entraAdapter, BLADE, false, undefined, false).kind).toBe('elsewhere'); // a frame in a frame
    expect(placeOf(entraAdapter, 'https://evil.example/blade', false, undefined, true).kind).toBe('elsewhere');
  });

  it('hands the top origin to the admitted frame', () => {
    expect(placeOf(entraAdapter, BLADE, false, ['https://portal.azure.com'])).toEqual({ kind: 'frame', topOrigin: 'https://portal.azure.com' });
  });
});
