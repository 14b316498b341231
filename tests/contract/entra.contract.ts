// Entra's locator contract: what each control of utils/adapters/entra.target.ts finds on the provisioning blade,
// step by step through the reveal sequence (Get started › Provisioning Mode › Automatic › Admin Credentials), in
// the top document and inside the portal's cross-origin blade frame.
import { entraAdapter } from '../../utils/adapters/entra.target';
import { ENTRA_ADMIN_URL, ENTRA_BLADE_FRAME_URL, ENTRA_FOREIGN_TOP_URL, ENTRA_PORTAL_URL } from '../harness/idp-sites';
import type { AdapterContract, Step } from './table';

const LEGACY = 'entra/legacy-first-time.html';
const NEW_CONFIGURATION = 'entra/new-configuration.html';
const SHELL = 'entra/portal-shell.html';
const FOREIGN_TOP = 'entra/foreign-top.html';
const BLADE = { [ENTRA_BLADE_FRAME_URL]: 'entra/blade-frame.html' };
const NAVIGATION = 'entra/portal-navigation.html';
// Written blind (tests/fixtures/entra/blind/README.md): the shells read the app from the hash and frame their
// blades from a sandbox host; the blades render only after the shell's handshake.
const BLIND_HASH = '#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Provisioning/objectId/a7e2b0c4-91d3-4f5e-8c6a-3b9d0e1f2a45/appId/5d1c3a9e-7b2f-4c86-9e0a-2f6b8d4c1e37';
const SANDBOX = 'https://sandbox-3.reactblade.portal.azure.net/Microsoft_AAD_Connect_Provisioning/ReactViews';
const V1 = 'entra/blind/entra-v1-portal-legacy.html';
const V1_URL = `${ENTRA_PORTAL_URL}${BLIND_HASH}`;
const V2 = { fixture: 'entra/blind/entra-v2-entra-shell.html', url: `${ENTRA_ADMIN_URL}${BLIND_HASH}` };
const V2_BLADE = `${SANDBOX}/ProvisioningConfiguration/index.html`;
const V2_IN_BLADE = { ...V2, frames: { [V2_BLADE]: 'entra/blind/entra-v2-reactblade.html' }, inFrame: V2_BLADE };
const V3 = { fixture: 'entra/blind/entra-v3-portal-shell.html', url: `${ENTRA_PORTAL_URL}${BLIND_HASH}` };
const V3_BLADE = `${SANDBOX}/LegacyProvisioning/index.html`;
const V3_IN_BLADE = { ...V3, frames: { [V3_BLADE]: 'entra/blind/entra-v3-reactblade.html' }, inFrame: V3_BLADE };

const STARTED: Step[] = [{ press: 'reveal.0' }];
const AUTOMATIC: Step[] = [...STARTED, { choose: 'reveal.2' }];
const CREDENTIALS_OPEN: Step[] = [{ press: 'reveal.3' }];
// The blind blades draw behind a spinner first.
const BLIND_STARTED: Step[] = [{ wait: 'reveal.0' }, ...STARTED];
const BLIND_AUTOMATIC: Step[] = [{ wait: 'reveal.0' }, ...AUTOMATIC];
const BLIND_NEW: Step[] = [{ wait: 'reveal.1' }, { press: 'reveal.1' }];

export default {
  adapter: entraAdapter,
  url: ENTRA_PORTAL_URL,
  rows: [
    // Legacy flow, first time: one control at a time appears.
    { fixture: LEGACY, control: 'signIn', expect: { present: 0 } },
    { fixture: LEGACY, control: 'integration', expect: { present: 1 } },
    { fixture: LEGACY, control: 'reveal.0', expect: { present: 1, pick: 'ok' } },
    { fixture: LEGACY, control: 'reveal.2.choose', expect: { present: 0 } },
    { fixture: LEGACY, control: 'token', expect: { present: 0, pick: { ok: false, problem: 'missing' } } },
    { fixture: LEGACY, before: STARTED, control: 'reveal.0', expect: { present: 0 } },
    { fixture: LEGACY, before: STARTED, control: 'reveal.2.choose', expect: { present: 1, pick: 'ok', picks: '[role=combobox]' } },
    { fixture: LEGACY, before: STARTED, control: 'token', expect: { present: 0 } },
    { fixture: LEGACY, before: AUTOMATIC, control: 'reveal.3', expect: { present: 1, pick: 'ok' } },
    { fixture: LEGACY, before: AUTOMATIC, control: 'integration', expect: { present: 3 } },
    { fixture: LEGACY, before: AUTOMATIC, control: 'baseUrl', expect: { present: 1, pick: 'ok', picks: 'input[type=text]' } },
    { fixture: LEGACY, before: AUTOMATIC, control: 'token', expect: { present: 1, pick: 'ok', picks: 'input[type=password]' } },
    { fixture: LEGACY, before: AUTOMATIC, control: 'test', expect: { present: 1, pick: 'ok' } },
    { fixture: LEGACY, before: AUTOMATIC, control: 'save', expect: { present: 1, pick: 'ok' } },

    // New flow (Entra admin center): + New configuration, then labelled fields and Create.
    { fixture: NEW_CONFIGURATION, url: ENTRA_ADMIN_URL, control: 'reveal.1', expect: { present: 1, pick: 'ok' } },
    { fixture: NEW_CONFIGURATION, url: ENTRA_ADMIN_URL, control: 'save', expect: { present: 0 } },
    { fixture: NEW_CONFIGURATION, url: ENTRA_ADMIN_URL, before: [{ press: 'reveal.1' }], control: 'baseUrl', expect: { present: 1, pick: 'ok', picks: '#tenant' } },
    { fixture: NEW_CONFIGURATION, url: ENTRA_ADMIN_URL, before: [{ press: 'reveal.1' }], control: 'token', expect: { present: 1, pick: 'ok', picks: '#secret' } },
    { fixture: NEW_CONFIGURATION, url: ENTRA_ADMIN_URL, before: [{ press: 'reveal.1' }], control: 'test', expect: { present: 1, pick: 'ok' } },
    { fixture: NEW_CONFIGURATION, url: ENTRA_ADMIN_URL, before: [{ press: 'reveal.1' }], control: 'save', expect: { present: 1, pick: 'ok' } },

    // The portal shell: its blade title is no heading, and the form is in a cross-origin frame, out of reach.
    { fixture: SHELL, frames: BLADE, control: 'integration', expect: { present: 0 } },
    { fixture: SHELL, frames: BLADE, control: 'token', expect: { present: 0 } },
    // Inside the blade frame, Automatic already chosen: Admin Credentials folded.
    { fixture: SHELL, frames: BLADE, inFrame: ENTRA_BLADE_FRAME_URL, control: 'reveal.2.choose', expect: { present: 1 } },
    { fixture: SHELL, frames: BLADE, inFrame: ENTRA_BLADE_FRAME_URL, control: 'reveal.3', expect: { present: 1, pick: 'ok' } },
    { fixture: SHELL, frames: BLADE, inFrame: ENTRA_BLADE_FRAME_URL, control: 'token', expect: { present: 0 } },
    { fixture: SHELL, frames: BLADE, inFrame: ENTRA_BLADE_FRAME_URL, before: CREDENTIALS_OPEN, control: 'baseUrl', expect: { present: 1, pick: 'ok' } },
    { fixture: SHELL, frames: BLADE, inFrame: ENTRA_BLADE_FRAME_URL, before: CREDENTIALS_OPEN, control: 'token', expect: { present: 1, pick: 'ok', picks: 'input[type=password]' } },
    { fixture: SHELL, frames: BLADE, inFrame: ENTRA_BLADE_FRAME_URL, before: CREDENTIALS_OPEN, control: 'test', expect: { present: 1, pick: 'ok' } },
    { fixture: SHELL, frames: BLADE, inFrame: ENTRA_BLADE_FRAME_URL, before: CREDENTIALS_OPEN, control: 'save', expect: { present: 1, pick: 'ok' } },

    // A look-alike top page framing the genuine blade: the locators find the form in the frame all the same
    // (refusing it is the frame rules' job, tests/e2e/entra.e2e.ts); the top page has none of it.
    { fixture: FOREIGN_TOP, url: ENTRA_FOREIGN_TOP_URL, frames: BLADE, control: 'integration', expect: { present: 0 } },
    { fixture: FOREIGN_TOP, url: ENTRA_FOREIGN_TOP_URL, frames: BLADE, inFrame: ENTRA_BLADE_FRAME_URL, control: 'integration', expect: { present: 2 } },

    // The guide on our pages: the portal's navigation, then the blade's steps as a person passes them.
    { fixture: NAVIGATION, control: 'guide.enterprise-apps.spot', expect: { present: 1, pick: 'ok' } },
    { fixture: NAVIGATION, control: 'integration', expect: { present: 0 } },
    { fixture: LEGACY, control: 'guide.enterprise-apps.spot', expect: { present: 0 } },
    { fixture: LEGACY, control: 'guide.provisioning.done.present', expect: { present: 1 } },
    { fixture: LEGACY, control: 'guide.start.spot', expect: { present: 1 } },
    { fixture: LEGACY, before: STARTED, control: 'guide.start.done.present', expect: { present: 1 } },
    { fixture: LEGACY, before: STARTED, control: 'guide.mode.spot', expect: { present: 1 } },
    { fixture: LEGACY, before: STARTED, control: 'guide.save.spot', expect: { present: 1 } },
    // Automatic chosen: Admin Credentials and, already unfolded, the Secret Token field.
    { fixture: LEGACY, before: AUTOMATIC, control: 'guide.mode.done.present', expect: { present: 2 } },
    { fixture: LEGACY, before: AUTOMATIC, control: 'guide.credentials.spot', expect: { present: 1 } },
    { fixture: LEGACY, before: AUTOMATIC, control: 'guide.fill.spot', expect: { present: 1 } },
    { fixture: NEW_CONFIGURATION, url: ENTRA_ADMIN_URL, control: 'guide.start.spot', expect: { present: 1 } },
    // Out of the top page's sight, the guide points at the blade's frame.
    { fixture: FOREIGN_TOP, url: ENTRA_FOREIGN_TOP_URL, frames: BLADE, control: 'guide.start.spot', expect: { present: 1 } },
    { fixture: SHELL, frames: BLADE, inFrame: ENTRA_BLADE_FRAME_URL, control: 'guide.provisioning.done.present', expect: { present: 1 } },
    { fixture: SHELL, frames: BLADE, inFrame: ENTRA_BLADE_FRAME_URL, before: CREDENTIALS_OPEN, control: 'guide.fill.spot', expect: { present: 1 } },

    // Blind v1, legacy flow with a Fluent dropdown (options in a callout): Get started › Automatic.
    // The app's name links twice once started: the breadcrumb's "InVision" and its "InVision | Provisioning".
    { fixture: V1, url: V1_URL, before: [{ wait: 'reveal.0' }], control: 'guide.app.spot', expect: { present: 1 } },
    { fixture: V1, url: V1_URL, before: [{ wait: 'reveal.0' }], control: 'guide.app.done.present', expect: { present: 1 } },
    { fixture: V1, url: V1_URL, before: [{ wait: 'reveal.0' }], control: 'guide.provisioning.spot', expect: { present: 1 } },
    { fixture: V1, url: V1_URL, before: [{ wait: 'reveal.0' }], control: 'guide.provisioning.done.present', expect: { present: 1 } },
    { fixture: V1, url: V1_URL, before: [{ wait: 'reveal.0' }], control: 'signIn', expect: { present: 0 } },
    { fixture: V1, url: V1_URL, before: [{ wait: 'reveal.0' }], control: 'reveal.0', expect: { present: 1, pick: 'ok' } },
    { fixture: V1, url: V1_URL, before: [{ wait: 'reveal.0' }], control: 'token', expect: { present: 0 } },
    { fixture: V1, url: V1_URL, before: BLIND_STARTED, control: 'reveal.2.choose', expect: { present: 1, pick: 'ok', picks: '[role=combobox]' } },
    { fixture: V1, url: V1_URL, before: BLIND_AUTOMATIC, control: 'guide.app.spot', expect: { present: 2 } },
    { fixture: V1, url: V1_URL, before: BLIND_AUTOMATIC, control: 'reveal.3', expect: { present: 1, pick: 'ok' } },
    { fixture: V1, url: V1_URL, before: BLIND_AUTOMATIC, control: 'baseUrl', expect: { present: 1, pick: 'ok', picks: 'input[type=text]' } },
    { fixture: V1, url: V1_URL, before: BLIND_AUTOMATIC, control: 'token', expect: { present: 1, pick: 'ok', picks: 'input[type=password]' } },
    { fixture: V1, url: V1_URL, before: BLIND_AUTOMATIC, control: 'test', expect: { present: 1, pick: 'ok' } },
    { fixture: V1, url: V1_URL, before: BLIND_AUTOMATIC, control: 'save', expect: { present: 1, pick: 'ok', picks: '[role=menuitem]' } },

    // Blind v2, admin center shell: the form is in the sandbox frame, out of the top page's reach.
    { ...V2, frames: V2_IN_BLADE.frames, control: 'token', expect: { present: 0 } },
    { ...V2_IN_BLADE, control: 'token', expect: { present: 0 } },
    // + New configuration: Test connection and Create stay disabled until both fields hold something.
    { ...V2_IN_BLADE, before: BLIND_NEW, control: 'baseUrl', expect: { present: 1, pick: 'ok', picks: 'input[type=text]' } },
    { ...V2_IN_BLADE, before: BLIND_NEW, control: 'token', expect: { present: 1, pick: 'ok', picks: 'input[type=password]' } },
    { ...V2_IN_BLADE, before: BLIND_NEW, control: 'test', expect: { present: 1, pick: { ok: false, problem: 'unusable', why: 'disabled' } } },
    { ...V2_IN_BLADE, before: BLIND_NEW, control: 'save', expect: { present: 1, pick: { ok: false, problem: 'unusable', why: 'disabled' } } },

    // Blind v3, portal shell with a legacy blade framed, Provisioning Mode a native select.
    { ...V3_IN_BLADE, before: BLIND_STARTED, control: 'reveal.2.choose', expect: { present: 1, pick: 'ok', picks: 'select' } },
    { ...V3_IN_BLADE, before: BLIND_AUTOMATIC, control: 'reveal.3', expect: { present: 1, pick: 'ok' } },
    { ...V3_IN_BLADE, before: BLIND_AUTOMATIC, control: 'baseUrl', expect: { present: 1, pick: 'ok', picks: 'input[type=text]' } },
    { ...V3_IN_BLADE, before: BLIND_AUTOMATIC, control: 'token', expect: { present: 1, pick: 'ok', picks: 'input[type=password]' } },
    { ...V3_IN_BLADE, before: BLIND_AUTOMATIC, control: 'test', expect: { present: 1, pick: 'ok' } },
    { ...V3_IN_BLADE, before: BLIND_AUTOMATIC, control: 'save', expect: { present: 1, pick: 'ok' } },
  ],
} satisfies AdapterContract;
