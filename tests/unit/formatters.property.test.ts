// Promise 2, unit half: whatever the token and whatever the IdP echoes back, no formatter of messages,
// diagnostics, badge, notification or popup view ever returns the token (or a long piece of it).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oktaAdapter } from '../../utils/adapters/okta.target';
import { say } from '../../utils/messages';
import { badgeFor, viewFor, type RelayState } from '../../utils/relay';
import { createRelayService, type MessageSender } from '../../utils/relay-service';
import { fingerprint, TOKEN_MIN_LENGTH } from '../../utils/token';
import { RUNTIME_ID, recordingPlatform } from './fake-platform';

const POPUP: MessageSender = { id: RUNTIME_ID, url: `chrome-extension://${RUNTIME_ID}/popup.html` };
const OKTA: MessageSender = {
  id: RUNTIME_ID,
  url: 'https://acme-admin.okta.com/admin/app/invisionapp/instance/0oa1/',
  origin: 'https://acme-admin.okta.com',
  frameId: 0,
  tab: { id: 7 },
};
const INVISION: MessageSender = { id: RUNTIME_ID, url: 'https://acme.invisionapp.com/people', origin: 'https://acme.invisionapp.com', frameId: 0, tab: { id: 3 } };
/** A piece this long is treated as a leak; shorter shared runs are coincidence with fixed words. */
const LEAK_FRAGMENT = 12;

const tokens = fc.stringMatching(new RegExp(`^[\\x21-\\x7e]{${TOKEN_MIN_LENGTH},80}$`));

function leaks(text: string, token: string): boolean {
  if (text.includes(token)) return true;
  for (let i = 0; i + LEAK_FRAGMENT <= token.length; i++) if (text.includes(token.slice(i, i + LEAK_FRAGMENT))) return true;
  return false;
}

/** Everything the relay says to the outside while a token passes through it: all but the grant and storage. */
async function runFlow(token: string, echo: (token: string) => string): Promise<string[]> {
  const fake = recordingPlatform();
  const views: string[] = [];
  const relay = createRelayService(fake.platform);
  const view = async () => views.push(JSON.stringify(await relay.handle({ type: 'ui/get-state', tabId: 7 }, POPUP)));
  await relay.handle({ type: 'page/status', adapterId: 'okta', status: { code: 'ready', appLabel: 'InVision' } }, OKTA);
  await relay.handle({ type: 'source/clicked', adapterId: 'invision' }, INVISION); // the person's click on Generate token
  await relay.handle({ type: 'source/captured', adapterId: 'invision', token, title: echo(token).slice(0, 120) }, INVISION);
  await view();
  const grant = await relay.handle({ type: 'target/ready', adapterId: 'okta', appLabel: 'InVision', expectedApp: true }, OKTA);
  expect(grant).toMatchObject({ kind: 'fill', token }); // the one place it may appear: the reply to the IdP tab
  await view();
  // The IdP echoes the token in its verdict, in a background tab, so a notification is raised with the message.
  await relay.handle({ type: 'target/result', adapterId: 'okta', outcome: 'verified', message: echo(token), pageVisible: false }, OKTA);
  await view();
  await relay.handle({ type: 'target/saved', adapterId: 'okta', ok: false, message: echo(token) }, OKTA);
  await view();
  await relay.handle({ type: 'target/ready', adapterId: 'okta', appLabel: echo(token).slice(0, 120), expectedApp: true }, { ...OKTA, frameId: 1 });
  await relay.handle({ type: 'ui/forget' }, POPUP);
  await view();
  const { sends, badges, notes, alarms, logs } = fake.calls;
  return [...views, ...[sends, badges, notes, alarms, logs].flat().map((call) => JSON.stringify(call))];
}

describe('formatters never return the token', () => {
  it('the relay’s logs, badge, notifications, tab messages and popup views, whatever the IdP echoes', async () => {
    await fc.assert(
      fc.asyncProperty(tokens, fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), async (token, before, after) => {
        const echo = (t: string) => `${before}${t}${after} (${t.slice(2, 2 + LEAK_FRAGMENT + 3)})`.slice(0, 600);
        const said = await runFlow(token, echo);
        expect(said.filter((text) => leaks(text, token))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  // The sentences are handed the fingerprint, never the token, so they cannot leak more than it: what this checks is
  // that the fingerprint they are handed is at most the token's last four characters, and no sentence adds more.
  it('the fingerprint the token sentences are handed is at most the last four characters, and the sentences add none', () => {
    fc.assert(
      fc.property(tokens, (token) => {
        const fp = fingerprint(token);
        expect(fp.length).toBeLessThanOrEqual(5);
        for (const sentence of [say.filling(fp), say.captured(fp, oktaAdapter.path)]) {
          expect(leaks(sentence, token)).toBe(false);
          if (token.length > 4) expect(sentence).not.toContain(token.slice(-5));
        }
      }),
    );
  });

  it('the badge and view of every phase never carry the token', () => {
    fc.assert(
      fc.property(tokens, fc.constantFrom('captured', 'filling', 'verified', 'failed') as fc.Arbitrary<RelayState['phase']>, (token, phase) => {
        const state: RelayState = {
          version: 1,
          phase,
          secret: { token, capturedAt: 0, expiresAt: 600_000, sourceAdapterId: 'invision', sourceOrigin: 'https://acme.invisionapp.com' },
          steps: ['capture'],
          pages: {},
          allowedTabs: [],
          updatedAt: 0,
        };
        expect(leaks(JSON.stringify([viewFor(state, 7, 1000), badgeFor(state, 1000)]), token)).toBe(false);
      }),
    );
  });
});
