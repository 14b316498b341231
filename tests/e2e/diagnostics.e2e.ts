// "Copy diagnostics" after a real hand-off that Okta refused: the copied text names steps, controls and Okta's
// message, and holds neither the canary token nor any piece of it beyond the 4-character fingerprint.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { launchWithExtension, openPopup, type ExtensionBrowser } from '../harness/browser';
import { generateInvisionToken, waitForPanel, waitForPhase } from '../harness/extension';
import { FakeSites, INVISION_PEOPLE_URL, OKTA_APP_URL, OKTA_UNAUTHORIZED } from '../harness/sites';

const FINGERPRINT_LENGTH = 4;
let ext: ExtensionBrowser | undefined;
afterEach(async () => {
  await ext?.close();
});

describe('copy diagnostics', () => {
  it('copies a report for support with no part of the token beyond its fingerprint', async () => {
    ext = await launchWithExtension();
    const secretPart = randomBytes(16).toString('hex');
    const token = `scimrelay-canary-${secretPart}`;
    const sites = new FakeSites({
      token,
      acceptedToken: 'not-the-token-so-okta-refuses',
      pages: { [INVISION_PEOPLE_URL]: 'invision/v6-people-modal.html', [OKTA_APP_URL]: 'okta/classic-edit.html' },
    });
    const invision = await sites.open(ext.browser, INVISION_PEOPLE_URL);
    await generateInvisionToken(invision);
    await waitForPhase(ext, 'captured');
    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /Error authenticating/);
    await waitForPhase(ext, 'failed');

    const popup = await openPopup(ext);
    await popup.evaluate(() => {
      const copied: string[] = ((window as unknown as { copied: string[] }).copied = []);
      navigator.clipboard.writeText = async (text: string) => void copied.push(text);
    });
    await popup.locator('::-p-text(Copy diagnostics)').click();
    await popup.waitForFunction(() => document.querySelector('.copy-notice')?.textContent?.includes('Diagnostics copied'));
    const copied = await popup.evaluate(() => (window as unknown as { copied: string[] }).copied);
    expect(copied).toHaveLength(1);
    const text = copied[0]!;

    expect(text).toMatch(/^SCIM Relay diagnostics\nExtension: \d+\.\d+\.\d+\nBrowser: .*Chrome\//);
    expect(text).toContain(`Token: …${token.slice(-FINGERPRINT_LENGTH)}`);
    expect(text).toContain('Phase: failed');
    expect(text).toContain('capture done, locate done, fill done, test done, verify -');
    expect(text).toMatch(/okta \(target\) https:\/\/acme-admin\.okta\.com: ready .*found: .*API Token field.*Test API Credentials button/);
    expect(text).toMatch(/invision \(source\) https:\/\/acme\.invisionapp\.com: source-open .*found: SCIM Provisioning settings/);
    expect(text).toContain(OKTA_UNAUTHORIZED);
    expect(text).toMatch(/\+\d+\.\d s phase:failed/);

    expect(text).not.toContain(token);
    for (let i = 0; i + FINGERPRINT_LENGTH + 1 <= secretPart.length; i++) {
      expect(text).not.toContain(secretPart.slice(i, i + FINGERPRINT_LENGTH + 1));
    }
  });
});
