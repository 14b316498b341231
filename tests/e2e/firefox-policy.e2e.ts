// Issue 14 in Firefox: a real /etc/firefox/policies/policies.json ("3rdparty" extension policy) reaches the
// extension's storage.managed and it obeys the allow-lists of source and IdP org hosts. Firefox gives puppeteer
// no background or popup, and the card sits in a closed shadow root, so each refusal is judged by what the fake
// servers saw, each next to a control in the same browser that proves the hand-off works where the policy allows.
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInvisionToken } from '../harness/extension';
import { launchFirefoxWithExtension } from '../harness/firefox';
import { firefoxPolicyProblem, installFirefoxPolicy, type ManagedCopy } from '../harness/policy';
import { canaryToken, DEFAULT_PAGES } from '../harness/session';
import { FakeSites, INVISION_PEOPLE_URL, OKTA_APP_URL } from '../harness/sites';

const OTHER_INVISION_URL = 'https://beta.invisionapp.com/people';
const OTHER_OKTA_URL = OKTA_APP_URL.replace('acme-admin', 'beta-admin');
const SETTLE_MS = 3000; // several observer rounds and message round trips: a fill would have started by then

const problem = firefoxPolicyProblem();
if (problem) console.warn(`firefox-policy.e2e.ts skipped: ${problem}`);

let copy: ManagedCopy;
let browser: Browser;
let sites: FakeSites;
const token = canaryToken();
const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));

async function until(condition: () => boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

beforeAll(async () => {
  if (problem) return;
  copy = installFirefoxPolicy({ idpOrgHosts: ['acme-admin.okta.com'], sourceOrgHosts: ['acme.invisionapp.com'] });
  browser = await launchFirefoxWithExtension(copy.dir);
  sites = new FakeSites({
    token,
    pages: { ...DEFAULT_PAGES, [OTHER_INVISION_URL]: 'invision/v6-people-modal.html', [OTHER_OKTA_URL]: 'okta/classic-edit.html' },
  });
});

afterAll(async () => {
  await browser?.close();
  copy?.remove();
});

describe.skipIf(!!problem)('Firefox obeys a real policies.json', () => {
  it('takes no token from a source org off the list; takes one from the listed org', async () => {
    const beta = await sites.open(browser, OTHER_INVISION_URL);
    await generateInvisionToken(beta);
    await until(() => sites.tokensIssued === 1, 'beta’s token');
    await settle();
    const okta = await sites.open(browser, `${OKTA_APP_URL}#tab-user-management`);
    await settle();
    expect(sites.verifyCalls).toHaveLength(0); // no token was taken, so nothing to fill
    await okta.close();
    const acme = await sites.open(browser, INVISION_PEOPLE_URL);
    await generateInvisionToken(acme);
    await until(() => sites.tokensIssued === 2, 'acme’s token');
    await settle();
  });

  it('fills no IdP org off the list; fills the listed org', async () => {
    const beta = await sites.open(browser, `${OTHER_OKTA_URL}#tab-user-management`);
    await settle();
    expect(sites.verifyCalls).toHaveLength(0);
    await beta.close();
    await sites.open(browser, `${OKTA_APP_URL}#tab-user-management`);
    await until(() => sites.verifyCalls.length === 1, 'the fill on the listed org');
    expect(sites.verifyCalls[0]!.get('scim_auth_header_value_new')).toBe(token);
  });
});
