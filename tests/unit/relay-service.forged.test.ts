// Promise 7 (forged messages go nowhere): the background's router, driven with forged senders and malformed
// payloads. Each must be rejected, logged by reason only (no content), and leave state and the browser untouched.
import { describe, expect, it } from 'vitest';
import { capture, INITIAL_STATE, type RelayState } from '../../utils/relay';
import { createRelayService, type MessageSender, type Rejection } from '../../utils/relay-service';
import { TOKEN_MAX_LENGTH } from '../../utils/token';
import { EXTENSION_ORIGIN, NOW, RUNTIME_ID, recordingPlatform } from './fake-platform';

const HELD_TOKEN = 'held-canary-token-0123456789ABCDEF';
/** Planted in every forged payload: it must never reach a log line. */
const PAYLOAD_CANARY = 'forged-canary-9f8e7d6c5b4a';
const OKTA_URL = 'https://acme-admin.okta.com/admin/app/invisionapp/instance/0oa1b2c3d4e5f6g7h8/';
const OKTA_ORIGIN = 'https://acme-admin.okta.com';

function heldState(): RelayState {
  const captured = capture(
    INITIAL_STATE,
    { token: HELD_TOKEN, adapterId: 'invision', origin: 'https://acme.invisionapp.com' },
    NOW - 1000,
    10 * 60_000,
  ).state;
  const page = { adapterId: 'okta', role: 'target' as const, origin: OKTA_ORIGIN, status: { code: 'ready' as const }, at: NOW };
  return { ...captured, pages: { '7': page } };
}

const fakePlatform = (initial: RelayState) => recordingPlatform(initial, NOW);

const okta: MessageSender = { id: RUNTIME_ID, url: OKTA_URL, origin: OKTA_ORIGIN, frameId: 0, tab: { id: 7 } };
const invision: MessageSender = {
  id: RUNTIME_ID,
  url: 'https://acme.invisionapp.com/people',
  origin: 'https://acme.invisionapp.com',
  frameId: 0,
  tab: { id: 3 },
};
const popup: MessageSender = { id: RUNTIME_ID, url: `${EXTENSION_ORIGIN}/popup.html`, origin: EXTENSION_ORIGIN };
const onOkta = (url: string, extra: Partial<MessageSender> = {}): MessageSender => ({ ...okta, url, origin: new URL(url).origin, ...extra });

const ready = { type: 'target/ready', adapterId: 'okta', appLabel: PAYLOAD_CANARY, expectedApp: true };
const captured = { type: 'source/captured', adapterId: 'invision', token: `${PAYLOAD_CANARY}-token` };
const verified = { type: 'target/result', adapterId: 'okta', outcome: 'verified', message: PAYLOAD_CANARY, pageVisible: true };

/** name, raw message, sender, the reason it must be rejected with. */
const FORGED: [string, unknown, MessageSender, Rejection][] = [
  // Who sent it.
  ['another extension', ready, { ...okta, id: 'ponmlkjihgfedcbaponmlkjihgfedcba' }, 'foreign-extension'],
  ['no extension id', ready, { ...okta, id: undefined }, 'foreign-extension'],
  ['another extension posing as our popup', { type: 'ui/forget' }, { ...popup, id: 'ponmlkjihgfedcbaponmlkjihgfedcba' }, 'foreign-extension'],
  ['a sub-frame', ready, { ...okta, frameId: 2 }, 'sub-frame'],
  ['no frame id', ready, { ...okta, frameId: undefined }, 'sub-frame'],
  ['a tab without an id', ready, { ...okta, tab: {} }, 'no-tab'],
  ['a negative tab id (TAB_ID_NONE)', ready, { ...okta, tab: { id: -1 } }, 'no-tab'],
  // Where it came from.
  ['the end-user side acme.okta.com', ready, onOkta('https://acme.okta.com/admin/app/x/instance/y/'), 'wrong-origin'],
  ['a look-alike suffix', ready, onOkta('https://acme-admin.okta.com.evil.example/admin/app/x/instance/y/'), 'wrong-origin'],
  ['evil-okta.com', ready, onOkta('https://evil-okta.com/admin/app/x/instance/y/'), 'wrong-origin'],
  ['plain http', ready, onOkta('http://acme-admin.okta.com/admin/app/x/instance/y/'), 'wrong-origin'],
  ['a port', ready, onOkta('https://acme-admin.okta.com:8443/admin/app/x/instance/y/'), 'wrong-origin'],
  ['user info in the URL', ready, onOkta('https://u:p@acme-admin.okta.com/admin/app/x/instance/y/'), 'wrong-origin'],
  ['a punycode look-alike', ready, onOkta('https://xn--cme-admin-zyh.okta.com/admin/app/x/instance/y/'), 'wrong-origin'],
  ['a nested subdomain', ready, onOkta('https://evil.acme-admin.okta.com/admin/app/x/instance/y/'), 'wrong-origin'],
  ['an admin host outside /admin/', ready, onOkta('https://acme-admin.okta.com/app/x/instance/y/'), 'wrong-origin'],
  ['sender.origin disagreeing with sender.url', ready, { ...okta, origin: 'https://evil.example' }, 'wrong-origin'],
  ['no sender.url', ready, { ...okta, url: undefined }, 'wrong-origin'],
  ['an Okta message from the InVision page', ready, invision, 'wrong-origin'],
  ['a capture claimed from the Okta page', captured, okta, 'wrong-origin'],
  // The other targets' hosts and Entra's frames.
  ['OneLogin look-alike suffix', { ...ready, adapterId: 'onelogin' }, onOkta('https://acme.onelogin.com.evil.example/apps/1/edit'), 'wrong-origin'],
  ['OneLogin over http', { ...ready, adapterId: 'onelogin' }, onOkta('http://acme.onelogin.com/apps/1/edit'), 'wrong-origin'],
  ['OneLogin reserved label', { ...ready, adapterId: 'onelogin' }, onOkta('https://www.onelogin.com/apps/1/edit'), 'wrong-origin'],
  ['Entra look-alike portal', { ...ready, adapterId: 'entra' }, onOkta('https://portal.azure.com.evil.example/'), 'wrong-origin'],
  ['Entra on another Azure host', { ...ready, adapterId: 'entra' }, onOkta('https://evil.azure.com/'), 'wrong-origin'],
  ['a frame outside the blade host', { ...ready, adapterId: 'entra', topOrigin: 'https://portal.azure.com' }, onOkta('https://evil.example/blade', { frameId: 5 }), 'wrong-origin'],
  ['a blade frame claiming a foreign top', { ...ready, adapterId: 'entra', topOrigin: 'https://evil.example' }, onOkta('https://x.reactblade.portal.azure.net/b', { frameId: 5 }), 'unknown-top'],
  ['a blade frame whose tab never reported that top', { ...ready, adapterId: 'entra', topOrigin: 'https://portal.azure.com' }, onOkta('https://x.reactblade.portal.azure.net/b', { frameId: 5 }), 'unknown-top'],
  ['a top frame claiming a top origin', { ...ready, topOrigin: 'https://acme-admin.okta.com' }, okta, 'unknown-top'],
  ['a frame of a target without a frame rule', { ...ready, topOrigin: OKTA_ORIGIN }, { ...okta, frameId: 3 }, 'sub-frame'],
  // Which role may send which message.
  ['a capture naming the Okta adapter', { ...captured, adapterId: 'okta' }, okta, 'wrong-role'],
  ['a target message naming the InVision adapter', { ...ready, adapterId: 'invision' }, invision, 'wrong-role'],
  ['a result naming the InVision adapter', { ...verified, adapterId: 'invision' }, invision, 'wrong-role'],
  ['an adapter that does not exist', { ...ready, adapterId: 'no-such-idp' }, okta, 'unknown-adapter'],
  // Provenance (issue #10): a click or a token only from the source's own settings route, as the browser stamped it.
  ['a generate click claimed from the Okta page', { type: 'source/clicked', adapterId: 'invision' }, okta, 'wrong-origin'],
  ['a generate click naming the Okta adapter', { type: 'source/clicked', adapterId: 'okta' }, okta, 'wrong-role'],
  ['a generate click from a shared prototype', { type: 'source/clicked', adapterId: 'invision' }, { ...invision, url: 'https://acme.invisionapp.com/share/8Q1XYZ' }, 'off-route'],
  ['a capture from a help article', captured, { ...invision, url: 'https://acme.invisionapp.com/docs/scim' }, 'off-route'],
  ['a generate click from a sub-frame of the settings', { type: 'source/clicked', adapterId: 'invision' }, { ...invision, frameId: 4 }, 'sub-frame'],
  ['a replace answer from the Okta page', { type: 'source/replace', adapterId: 'okta', replace: true }, okta, 'wrong-role'],
  ['a replace answer as a string', { type: 'source/replace', adapterId: 'invision', replace: 'yes' }, invision, 'malformed'],
  ['a page title over 120 characters', { ...captured, title: PAYLOAD_CANARY.repeat(10) }, invision, 'malformed'],
  // Popup-only messages from content scripts, content messages from pages that are not our popup.
  ['ui/forget from a content script', { type: 'ui/forget' }, okta, 'malformed'],
  ['ui/get-state from a content script', { type: 'ui/get-state', tabId: 7 }, okta, 'malformed'],
  ['ui/fill-here from a content script', { type: 'ui/fill-here', tabId: 7 }, okta, 'malformed'],
  ['ui/save from a content script', { type: 'ui/save' }, invision, 'malformed'],
  ['ui/forget from an unknown extension page', { type: 'ui/forget' }, { ...popup, url: `${EXTENSION_ORIGIN}/evil.html` }, 'not-an-extension-page'],
  ['ui/forget from a web page without a tab', { type: 'ui/forget' }, { id: RUNTIME_ID, url: 'https://evil.example/popup.html' }, 'not-an-extension-page'],
  ['ui/forget from another extension origin', { type: 'ui/forget' }, { ...popup, url: 'chrome-extension://ponmlkjihgfedcba/popup.html' }, 'not-an-extension-page'],
  ['ui/forget with no url at all', { type: 'ui/forget' }, { id: RUNTIME_ID }, 'not-an-extension-page'],
  ['target/ready from a tab-less sender', ready, { ...okta, tab: undefined }, 'not-an-extension-page'],
  ['target/ready from the popup', ready, popup, 'malformed'],
  ['source/captured from the popup', captured, popup, 'malformed'],
  ['ui/fill-here for a tab that is not a target page', { type: 'ui/fill-here', tabId: 3 }, popup, 'no-tab'],
  // Extra fields.
  ['target/ready carrying a token field', { ...ready, token: PAYLOAD_CANARY }, okta, 'malformed'],
  ['ui/forget carrying extra data', { type: 'ui/forget', all: true, note: PAYLOAD_CANARY }, popup, 'malformed'],
  ['page/status with extra status fields', { type: 'page/status', adapterId: 'okta', status: { code: 'ready', html: PAYLOAD_CANARY } }, okta, 'malformed'],
  ['a prototype-polluting payload', JSON.parse(`{"type":"ui/forget","__proto__":{"isAdmin":true,"x":"${PAYLOAD_CANARY}"}}`), popup, 'malformed'],
  // Oversized payloads.
  ['a token over the length limit', { ...captured, token: 'A'.repeat(TOKEN_MAX_LENGTH + 1) }, invision, 'malformed'],
  ['an empty token', { ...captured, token: '' }, invision, 'malformed'],
  ['a 1 MB result message', { ...verified, message: PAYLOAD_CANARY.repeat(40_000) }, okta, 'malformed'],
  ['an app label over 120 characters', { ...ready, appLabel: PAYLOAD_CANARY.repeat(10) }, okta, 'malformed'],
  ['a status detail over 600 characters', { type: 'page/status', adapterId: 'okta', status: { code: 'ready', detail: 'x'.repeat(601) } }, okta, 'malformed'],
  ['a SCIM URL over 2 KB', { ...captured, scimUrl: `https://acme.invisionapp.com/${'a'.repeat(2100)}` }, invision, 'malformed'],
  // Wrong types and shapes.
  ['null', null, okta, 'malformed'],
  ['a string', 'ui/forget', popup, 'malformed'],
  ['a number', 42, okta, 'malformed'],
  ['an array', [ready], okta, 'malformed'],
  ['no type', { adapterId: 'okta', appLabel: 'x', expectedApp: true }, okta, 'malformed'],
  ['an unknown type', { type: 'target/give-me-the-token', adapterId: 'okta' }, okta, 'malformed'],
  ['expectedApp as a string', { ...ready, expectedApp: 'true' }, okta, 'malformed'],
  ['a tab id as a string', { type: 'ui/fill-here', tabId: '7' }, popup, 'malformed'],
  ['a fractional tab id', { type: 'ui/fill-here', tabId: 7.5 }, popup, 'malformed'],
  ['a negative tab id', { type: 'ui/fill-here', tabId: -1 }, popup, 'malformed'],
  ['an unknown outcome', { ...verified, outcome: 'saved' }, okta, 'malformed'],
  ['an unknown status code', { type: 'page/status', adapterId: 'okta', status: { code: 'grant-token' } }, okta, 'malformed'],
  ['an adapter id with markup', { ...ready, adapterId: '<img src=x>' }, okta, 'malformed'],
  ['a SCIM URL over http', { ...captured, scimUrl: 'http://acme.invisionapp.com/scim/v2' }, invision, 'malformed'],
  ['a token with a non-string type', { ...captured, token: { toString: () => PAYLOAD_CANARY } }, invision, 'malformed'],
];

describe('forged and malformed messages', () => {
  it('the genuine sender gets the token (control: the harness itself can see a grant)', async () => {
    const { platform, calls } = fakePlatform(heldState());
    const reply = await createRelayService(platform).handle({ ...ready, appLabel: 'InVision' }, okta);
    expect(reply).toMatchObject({ kind: 'fill', token: HELD_TOKEN });
    expect(calls.saves).toBe(1);
  });

  it(`tries ${FORGED.length} forged messages`, () => {
    expect(FORGED.length).toBeGreaterThanOrEqual(50);
  });

  it.each(FORGED)('rejects %s', async (_name, raw, sender, reason) => {
    const initial = heldState();
    const { platform, calls, stored } = fakePlatform(initial);
    const reply = await createRelayService(platform).handle(raw, sender);
    expect(reply).toBeUndefined();
    expect(calls.logs).toEqual([['rejected', { reason }]]);
    const logged = JSON.stringify(calls.logs);
    expect(logged).not.toContain(PAYLOAD_CANARY);
    expect(logged).not.toContain(HELD_TOKEN);
    expect(stored()).toEqual(initial);
    expect(calls.saves).toBe(0);
    expect({ sends: calls.sends, badges: calls.badges, notes: calls.notes, alarms: calls.alarms }).toEqual({
      sends: [],
      badges: [],
      notes: [],
      alarms: [],
    });
  });
});
