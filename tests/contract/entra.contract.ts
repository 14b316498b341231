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

const STARTED: Step[] = [{ press: 'reveal.0' }];
const AUTOMATIC: Step[] = [...STARTED, { choose: 'reveal.2' }];
const CREDENTIALS_OPEN: Step[] = [{ press: 'reveal.3' }];

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
  ],
} satisfies AdapterContract;
