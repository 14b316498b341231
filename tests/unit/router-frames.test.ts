// The background router and frames: a frame-capable target's frame is heard only when its browser-stamped URL
// passes the frame rule, the top origin it claims is an allowed host, and that tab's own top frame reported
// from exactly that origin. Everyone else's frames stay rejected.
import { beforeEach, describe, expect, it } from 'vitest';
import { createRelayService, type MessageSender } from '../../utils/relay-service';
import { RUNTIME_ID, recordingPlatform } from './fake-platform';

const TAB = 7;
const TOKEN = 'tok_0123456789abcdefWXYZ';
const PORTAL = 'https://portal.azure.com';
const BLADE_URL = 'https://provisioning.reactblade.portal.azure.net/blade';

let fake: ReturnType<typeof recordingPlatform>;
let relay: ReturnType<typeof createRelayService>;
const sent = () => fake.calls.sends;

beforeEach(() => {
  fake = recordingPlatform();
  relay = createRelayService(fake.platform);
});

const sender = (url: string, frameId: number, origin = new URL(url).origin): MessageSender => ({ id: RUNTIME_ID, url, origin, frameId, tab: { id: TAB } });
const top = sender(`${PORTAL}/#view/Provisioning`, 0);
const blade = sender(BLADE_URL, 3);
const notInProvisioning = { type: 'page/status', adapterId: 'entra', status: { code: 'not-integration-tab' } };
const ready = (extra: object = {}) => ({ type: 'target/ready', adapterId: 'entra', appLabel: 'InVision', expectedApp: true, ...extra });

async function captured() {
  // The person's click on Generate token, then the token it shows.
  await relay.handle({ type: 'source/clicked', adapterId: 'invision' }, sender('https://acme.invisionapp.com/people', 0));
  await relay.handle(
    { type: 'source/captured', adapterId: 'invision', token: TOKEN, scimUrl: 'https://acme.invisionapp.com/scim/v2' },
    sender('https://acme.invisionapp.com/people', 0),
  );
}

describe('frames of a frame-capable target', () => {
  it('grants the token to the blade frame once the portal top frame has introduced the tab', async () => {
    await captured();
    await relay.handle(notInProvisioning, top);
    const reply = await relay.handle(ready({ topOrigin: PORTAL }), blade);
    expect(reply).toMatchObject({ kind: 'fill', token: TOKEN });
    expect(fake.rejections()).toEqual([]);
  });

  it.each([
    ['no top report for the tab yet', async () => {}, ready({ topOrigin: PORTAL }), blade, 'unknown-top'],
    ['no top origin claimed', async () => relay.handle(notInProvisioning, top), ready(), blade, 'unknown-top'],
    ['a claimed top that is not an Entra host', async () => relay.handle(notInProvisioning, top), ready({ topOrigin: 'https://evil.example' }), blade, 'unknown-top'],
    [
      'a claimed top that differs from what the tab’s top frame was',
      async () => relay.handle(notInProvisioning, top),
      ready({ topOrigin: 'https://entra.microsoft.com' }),
      blade,
      'unknown-top',
    ],
    ['a frame on a host outside the frame rule', async () => relay.handle(notInProvisioning, top), ready({ topOrigin: PORTAL }), sender('https://evil.example/blade', 3), 'wrong-origin'],
    ['a same-origin portal frame', async () => relay.handle(notInProvisioning, top), ready({ topOrigin: PORTAL }), sender(`${PORTAL}/frame`, 3), 'wrong-origin'],
    ['a frame whose stamped origin disagrees with its URL', async () => relay.handle(notInProvisioning, top), ready({ topOrigin: PORTAL }), sender(BLADE_URL, 3, 'https://evil.example'), 'wrong-origin'],
    ['the top frame claiming a top origin', async () => {}, ready({ topOrigin: PORTAL }), top, 'unknown-top'],
    ['a frame of a target with no frame rule', async () => {}, { ...ready({ topOrigin: 'https://acme-admin.okta.com' }), adapterId: 'okta' }, sender('https://acme-admin.okta.com/admin/app/x/instance/y/', 2), 'sub-frame'],
    ['a frame of a source', async () => {}, { type: 'source/captured', adapterId: 'invision', token: TOKEN }, sender('https://acme.invisionapp.com/people', 2), 'sub-frame'],
    ['a verdict notice from a frame', async () => relay.handle(notInProvisioning, top), { type: 'target/notice', adapterId: 'entra', message: 'x', topOrigin: PORTAL }, blade, 'malformed'],
  ] as const)('rejects %s', async (_name, setup, message, from, reason) => {
    await captured();
    await setup();
    fake.calls.logs.length = 0;
    expect(await relay.handle(message, from)).toBeUndefined();
    expect(fake.rejections()).toEqual([reason]);
  });

  it('a blade that reads no app name goes by the top page’s reading, as the top frame reported it', async () => {
    await captured();
    const unnamed = ready({ topOrigin: PORTAL, appLabel: '', expectedApp: false });
    await relay.handle({ ...notInProvisioning, status: { code: 'not-integration-tab', appLabel: 'InVision' } }, top);
    await relay.handle({ type: 'page/status', adapterId: 'entra', status: { code: 'ready' }, topOrigin: PORTAL }, blade);
    expect(await relay.handle(unnamed, blade)).toMatchObject({ kind: 'fill', token: TOKEN });
  });

  it.each([
    ['names another app', { code: 'not-integration-tab', appLabel: 'Slack' }, { kind: 'wait', reason: 'other-app', appLabel: 'Slack' }],
    ['names no app either', { code: 'not-integration-tab' }, { kind: 'wait', reason: 'unknown-app' }],
  ])('a blade that reads no app name is refused or asked about when the top page %s', async (_how, status, reply) => {
    await captured();
    await relay.handle({ ...notInProvisioning, status }, top);
    expect(await relay.handle(ready({ topOrigin: PORTAL, appLabel: '', expectedApp: false }), blade)).toEqual(reply);
  });

  describe('without ancestorOrigins (Firefox): the tab’s top frame vouches', () => {
    const asked: { tabId: number; frameOrigin: string }[] = [];
    const vouching = (answer: string | undefined) => {
      asked.length = 0;
      fake.platform.vouchForFrame = async (tabId, frameOrigin) => {
        asked.push({ tabId, frameOrigin });
        return answer;
      };
    };

    it('grants the token to a blade its top page vouches for, asking that tab about that frame’s origin', async () => {
      vouching(PORTAL);
      await captured();
      await relay.handle(notInProvisioning, top);
      expect(await relay.handle(ready(), blade)).toMatchObject({ kind: 'fill', token: TOKEN });
      expect(asked).toEqual([{ tabId: TAB, frameOrigin: new URL(BLADE_URL).origin }]);
    });

    it.each([
      ['no vouch (no script of ours in the top page, or no such frame there)', undefined],
      ['a vouch from an origin that is not an Entra host', 'https://evil.example'],
      ['a vouch from another portal than the one the tab’s top frame reported from', 'https://entra.microsoft.com'],
    ])('rejects the blade on %s', async (_name, answer) => {
      vouching(answer);
      await captured();
      await relay.handle(notInProvisioning, top);
      fake.calls.logs.length = 0;
      expect(await relay.handle(ready(), blade)).toBeUndefined();
      expect(fake.rejections()).toEqual(['unknown-top']);
    });
  });

  it('a top frame that later moves to another adapter’s page revokes its frames', async () => {
    await captured();
    await relay.handle(notInProvisioning, top);
    await relay.handle({ type: 'page/status', adapterId: 'okta', status: { code: 'not-app-page' } }, sender('https://acme-admin.okta.com/admin/apps', 0));
    expect(await relay.handle(ready({ topOrigin: PORTAL }), blade)).toBeUndefined();
    expect(fake.rejections()).toEqual(['unknown-top']);
  });
});

describe('verdicts announced in the top page', () => {
  const notice = (message: string) => ({ type: 'target/notice', adapterId: 'entra', message });

  it('are handed to the filling tab, redacted, and to no other', async () => {
    await captured();
    await relay.handle(notInProvisioning, top);
    await relay.handle(ready({ topOrigin: PORTAL }), blade);
    await relay.handle(notice(`The supplied credentials are authorized to enable provisioning ${TOKEN}`), top);
    expect(sent().filter((s) => s.message.type === 'bg/notice')).toEqual([
      { tabId: TAB, message: { type: 'bg/notice', message: 'The supplied credentials are authorized to enable provisioning [token]' } },
    ]);
  });

  it('are dropped when no hand-off runs in that tab', async () => {
    await captured();
    await relay.handle(notInProvisioning, top);
    await relay.handle(notice('The supplied credentials are authorized to enable provisioning'), top);
    expect(sent().filter((s) => s.message.type === 'bg/notice')).toEqual([]);
  });

  it('are dropped from a target whose verdicts are not announced in the top page', async () => {
    await captured();
    const okta = sender('https://acme-admin.okta.com/admin/app/invision/instance/1/', 0);
    await relay.handle({ type: 'target/ready', adapterId: 'okta', appLabel: 'InVision', expectedApp: true }, okta);
    await relay.handle({ type: 'target/notice', adapterId: 'okta', message: 'InVision was verified successfully!' }, okta);
    expect(sent().filter((s) => s.message.type === 'bg/notice')).toEqual([]);
  });
});
