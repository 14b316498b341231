// The background obeys the organisation's allow-lists (a capture from another source org is not taken, a fill
// into another IdP org is refused, both saying the policy decided), and leaves one rotation-record entry per verdict.
import { describe, expect, it } from 'vitest';
import type { ManagedPolicy } from '../../utils/policy/managed';
import { POLICY_REFUSAL } from '../../utils/policy/refusal';
import type { RelayState } from '../../utils/relay';
import { createRelayService, type MessageSender } from '../../utils/relay-service';
import type { RotationEntry } from '../../utils/rotation/record';
import { EXTENSION_ORIGIN, recordingPlatform, NOW, RUNTIME_ID } from './fake-platform';

const OKTA_PAGE = 'https://acme-admin.okta.com/admin/app/invisionapp/instance/0oa1/';
const INVISION_PAGE = 'https://acme.invisionapp.com/people';
const TOKEN = 'tok_0123456789abcdefWXYZ';
const fromTab = (tabId: number, url: string): MessageSender => ({ id: RUNTIME_ID, url, origin: new URL(url).origin, frameId: 0, tab: { id: tabId } });

function setup(policy: ManagedPolicy = {}) {
  const fake = recordingPlatform();
  let record: RotationEntry[] = [];
  const service = createRelayService({
    ...fake.platform,
    loadPolicy: async () => policy,
    updateRecord: async (change) => void (record = change(record)),
  });
  const capture = async () => {
    await service.handle({ type: 'source/clicked', adapterId: 'invision' }, fromTab(9, INVISION_PAGE)); // the person's click on Generate token
    return service.handle({ type: 'source/captured', adapterId: 'invision', token: TOKEN }, fromTab(9, INVISION_PAGE));
  };
  const ready = () => service.handle({ type: 'target/ready', adapterId: 'okta', appLabel: 'InVision', expectedApp: true }, fromTab(7, OKTA_PAGE));
  return { ...fake, service, capture, ready, record: () => record, phase: () => (fake.stored() as RelayState | undefined)?.phase };
}

describe('relay service under a managed policy', () => {
  it('takes no token from a source org the policy does not list, and tells the page why', async () => {
    const { capture, phase, rejections } = setup({ sourceOrgHosts: ['other.invisionapp.com'] });
    expect(await capture()).toEqual(POLICY_REFUSAL);
    expect(phase()).toBeUndefined();
    expect(rejections()).toEqual(['org-policy', 'org-policy']); // the person's click, then the token
  });

  it('fills no IdP org the policy does not list: the card is told the policy decided, the token stays', async () => {
    const { capture, ready, phase } = setup({ idpOrgHosts: ['other-admin.okta.com'], sourceOrgHosts: ['acme.invisionapp.com'] });
    expect(await capture()).toEqual({ kind: 'captured' });
    expect(phase()).toBe('captured');
    expect(await ready()).toEqual({ kind: 'wait', reason: 'org-policy' });
    expect(phase()).toBe('captured');
  });

  it('fills a listed IdP org, and records the verdict and then the save, without the token', async () => {
    const { service, capture, ready, record } = setup({ idpOrgHosts: ['acme-admin.okta.com'] });
    await capture();
    expect(await ready()).toMatchObject({ kind: 'fill', token: TOKEN });
    await service.handle(
      { type: 'target/result', adapterId: 'okta', outcome: 'verified', message: `Verified ${TOKEN}`, pageVisible: true },
      fromTab(7, OKTA_PAGE),
    );
    expect(record()).toEqual([
      {
        at: NOW,
        sourceHost: 'acme.invisionapp.com',
        idp: 'okta',
        idpHost: 'acme-admin.okta.com',
        app: 'InVision',
        outcome: 'verified',
        verdict: 'Verified [token]',
        saved: false,
        durationMs: 0,
        fingerprint: '…WXYZ',
        capturedAt: NOW,
      },
    ]);
    await service.handle({ type: 'target/saved', adapterId: 'okta', ok: true, message: 'Saved' }, fromTab(7, OKTA_PAGE));
    expect(record()).toHaveLength(1);
    expect(record()[0]?.saved).toBe(true);
    expect(JSON.stringify(record())).not.toContain(TOKEN.slice(0, 8));
  });

  it('diagnostics say which settings the organisation manages (support sees why a setting will not change)', async () => {
    const { service } = setup({ autoSaveAllowed: false, idpOrgHosts: ['acme-admin.okta.com'] });
    const text = (await service.handle({ type: 'ui/diagnostics' }, { id: RUNTIME_ID, url: `${EXTENSION_ORIGIN}/popup.html` })) as string;
    expect(text.split('\n')).toContain('Managed by policy: autoSaveAllowed, idpOrgHosts');
    const plain = (await setup().service.handle({ type: 'ui/diagnostics' }, { id: RUNTIME_ID, url: `${EXTENSION_ORIGIN}/popup.html` })) as string;
    expect(plain).not.toContain('Managed by policy');
  });

  it('a stop before anything was typed leaves no entry', async () => {
    const { service, capture, ready, record } = setup();
    await capture();
    await ready();
    await service.handle({ type: 'target/result', adapterId: 'okta', outcome: 'stopped', message: 'No Edit button', pageVisible: true }, fromTab(7, OKTA_PAGE));
    expect(record()).toEqual([]);
  });
});
