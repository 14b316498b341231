// InVision's locator contract: what each control of utils/adapters/invision.source.ts finds on the V6 People
// modal (reached through ••• › SCIM Provisioning, as the guide leads) and the V7 settings page. The source engine
// only reads (present()), then narrows the matches by what a token and a SCIM URL look like: counts above one are
// expected here and pinned all the same.
import { invisionAdapter } from '../../utils/adapters/invision.source';
import { INVISION_PEOPLE_URL } from '../harness/sites';
import type { AdapterContract, Step } from './table';

const V6 = 'invision/v6-people-modal.html';
const V7 = 'invision/v7-settings-page.html';
const V7_URL = 'https://acme.invisionapp.com/settings/scim';

const V7_NEXT_PAGE = 'invision/v7-token-on-next-page.html';
// Written blind (tests/fixtures/invision/blind/README.md), each at the URL its README gives.
const BLIND_V6 = 'invision/blind/invision-v6-people-regenerate.html';
const BLIND_V7_TRAY = 'invision/blind/invision-v7-tray-settings-regenerate.html';
const BLIND_V7_TRAY_URL = 'https://acme.invisionapp.com/spaces';
const BLIND_V7_FIRST = 'invision/blind/invision-v7-settings-enable-first-time.html';
const BLIND_V7_FIRST_URL = 'https://acme.invisionapp.com/settings';

const MENU_OPEN: Step[] = [{ press: 'guide.more.spot' }];
const MODAL_OPEN: Step[] = [...MENU_OPEN, { press: 'guide.scim.spot' }];
// The blind V6 modal opens a moment after the menu item.
const BLIND_MODAL_OPEN: Step[] = [...MODAL_OPEN, { wait: 'panel' }];

export default {
  adapter: invisionAdapter,
  url: INVISION_PEOPLE_URL,
  rows: [
    // The People page with the modal closed: nothing of the settings is shown yet.
    { fixture: V6, control: 'guide.people.spot', expect: { present: 0 } },
    { fixture: V6, control: 'guide.people.done.present', expect: { present: 1 } },
    { fixture: V6, control: 'guide.more.spot', expect: { present: 1, pick: 'ok', picks: '#more' } },
    { fixture: V6, control: 'guide.scim.spot', expect: { present: 0 } },
    { fixture: V6, control: 'panel', expect: { present: 0 } },
    { fixture: V6, control: 'token', expect: { present: 0 } },
    { fixture: V6, before: MENU_OPEN, control: 'guide.scim.spot', expect: { present: 1, pick: 'ok', picks: '#open-scim' } },
    // The modal: the dialog and its heading; each read-only field by its label.
    { fixture: V6, before: MODAL_OPEN, control: 'panel', expect: { present: 2 } },
    { fixture: V6, before: MODAL_OPEN, control: 'token', expect: { present: 1 } },
    // The SCIM URL only beside its caption: the one read-only field labelled SCIM API URL.
    { fixture: V6, before: MODAL_OPEN, control: 'scimUrl.control', expect: { present: 1 } },
    { fixture: V6, before: MODAL_OPEN, control: 'generateCheckbox', expect: { present: 1, pick: 'ok', picks: '#regen' } },
    // Generate stays disabled until the box is ticked: the guide points at it, nobody may click it yet.
    { fixture: V6, before: MODAL_OPEN, control: 'guide.generate.spot', expect: { present: 1, pick: { ok: false, problem: 'unusable', why: 'disabled' } } },
    { fixture: V6, before: [...MODAL_OPEN, { tick: 'generateCheckbox' }], control: 'guide.generate.spot', expect: { present: 1, pick: 'ok', picks: '#generate' } },

    // V7: captions beside <code> values, no fields. The token's caption gives its value box, and every <code>.
    { fixture: V7, url: V7_URL, control: 'panel', expect: { present: 1 } },
    { fixture: V7, url: V7_URL, control: 'token', expect: { present: 3 } },
    { fixture: V7, url: V7_URL, control: 'scimUrl.control', expect: { present: 1 } },
    { fixture: V7, url: V7_URL, control: 'generateCheckbox', expect: { present: 1, pick: 'ok', picks: '#regen' } },
    { fixture: V7, url: V7_URL, control: 'guide.generate.spot', expect: { present: 1, pick: 'ok', picks: '#generate' } },

    // V7 whose token shows on the page after Generate: this page holds the settings as V7 does.
    { fixture: V7_NEXT_PAGE, url: V7_URL, control: 'panel', expect: { present: 1 } },
    { fixture: V7_NEXT_PAGE, url: V7_URL, control: 'trigger', expect: { present: 1, pick: 'ok', picks: '#generate' } },
    { fixture: V7_NEXT_PAGE, url: V7_URL, control: 'token', expect: { present: 3 } },
    { fixture: V7_NEXT_PAGE, url: V7_URL, control: 'scimUrl.control', expect: { present: 1 } },
    { fixture: V7_NEXT_PAGE, url: V7_URL, control: 'generateCheckbox', expect: { present: 1, pick: 'ok', picks: '#regen' } },

    // Blind V6: People › ••• › SCIM Provisioning; Generate token disabled until the box is ticked.
    { fixture: BLIND_V6, control: 'guide.people.spot', expect: { present: 1 } },
    { fixture: BLIND_V6, control: 'guide.more.spot', expect: { present: 1, pick: 'ok', picks: '#more-btn' } },
    { fixture: BLIND_V6, control: 'panel', expect: { present: 0 } },
    { fixture: BLIND_V6, before: BLIND_MODAL_OPEN, control: 'panel', expect: { present: 2 } },
    { fixture: BLIND_V6, before: BLIND_MODAL_OPEN, control: 'token', expect: { present: 1 } },
    { fixture: BLIND_V6, before: BLIND_MODAL_OPEN, control: 'scimUrl.control', expect: { present: 1 } },
    { fixture: BLIND_V6, before: BLIND_MODAL_OPEN, control: 'generateCheckbox', expect: { present: 1, pick: 'ok', picks: '#regen' } },
    { fixture: BLIND_V6, before: BLIND_MODAL_OPEN, control: 'trigger', expect: { present: 1, pick: { ok: false, problem: 'unusable', why: 'disabled' } } },
    { fixture: BLIND_V6, before: [...BLIND_MODAL_OPEN, { tick: 'generateCheckbox' }], control: 'trigger', expect: { present: 1, pick: 'ok', picks: '#gen' } },

    // Blind V7 tray: the Spaces view; the team tray and its Settings are no adapter controls, so the tier stops here.
    { fixture: BLIND_V7_TRAY, url: BLIND_V7_TRAY_URL, control: 'panel', expect: { present: 0 } },
    { fixture: BLIND_V7_TRAY, url: BLIND_V7_TRAY_URL, control: 'token', expect: { present: 0 } },

    // Blind V7 first time: the section opens in place under its toggle; Generate only after the (unmodelled) switch.
    { fixture: BLIND_V7_FIRST, url: BLIND_V7_FIRST_URL, control: 'panel', expect: { present: 1 } },
    { fixture: BLIND_V7_FIRST, url: BLIND_V7_FIRST_URL, before: [{ press: 'panel' }], control: 'panel', expect: { present: 1 } },
    { fixture: BLIND_V7_FIRST, url: BLIND_V7_FIRST_URL, before: [{ press: 'panel' }], control: 'trigger', expect: { present: 0 } },
    { fixture: BLIND_V7_FIRST, url: BLIND_V7_FIRST_URL, before: [{ press: 'panel' }], control: 'token', expect: { present: 0 } },
  ],
} satisfies AdapterContract;
