// Promise 8: the in-page card cannot be turned against the user. A page that restyles, fades or covers it gets
// no action from a click on it (the card hides instead); the page cannot read it; it never shows the token.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { clickPanelButton, panelText, relayState, waitForPanel } from '../harness/extension';
import { OKTA_APP_URL } from '../harness/sites';
import { startSession, type Session } from '../harness/session';

let session: Session;
afterEach(async () => {
  await session?.close();
});

/** Capture, fill and test, up to the card offering Save. */
async function verifiedOkta(): Promise<Page> {
  session = await startSession();
  await session.capture();
  const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`);
  const text = await waitForPanel(okta, /verified successfully.*Save/);
  expect(text).not.toContain(session.token);
  return okta;
}

async function waitForNoPanel(page: Page): Promise<void> {
  for (let tries = 0; tries < 100 && (await panelText(page)) !== ''; tries++) await new Promise((r) => setTimeout(r, 100));
  expect(await panelText(page)).toBe('');
}

async function expectNotSaved(): Promise<void> {
  expect(session.sites.saveCalls).toHaveLength(0);
  expect((await relayState(session.ext))?.phase).toBe('verified');
}

describe('the in-page card under a hostile page', () => {
  it('is closed to page scripts: no shadow root, no text, no token', async () => {
    const okta = await verifiedOkta();
    const seen = await okta.evaluate(() => {
      const host = document.querySelector('scim-relay-ui') as HTMLElement;
      return { shadow: host.shadowRoot, text: host.textContent + host.innerText, html: host.outerHTML };
    });
    expect(seen).toEqual({ shadow: null, text: '', html: expect.not.stringContaining(session.token) });
  });

  it('hides itself when the page restyles its element', async () => {
    const okta = await verifiedOkta();
    await okta.evaluate(() => ((document.querySelector('scim-relay-ui') as HTMLElement).style.opacity = '0.05'));
    await waitForNoPanel(okta);
    await expectNotSaved();
  });

  it.each([
    ['fades it', 'scim-relay-ui { opacity: 0.3 !important; }'],
    // A mask changes no opacity, and unclipped (no-clip) it leaves hit testing alone: the click lands on a card
    // nobody can see.
    ['masks it', 'scim-relay-ui { mask: linear-gradient(transparent, transparent) no-clip !important; }'],
    // White screened over a white page stays white: the card vanishes where it stands.
    ['blends it away', 'scim-relay-ui { mix-blend-mode: screen !important; }'],
  ])('ignores a real click when a page stylesheet %s (no attribute changed), and hides', async (_how, css) => {
    const okta = await verifiedOkta();
    await okta.addStyleTag({ content: css });
    await clickPanelButton(okta, 'Save');
    await waitForNoPanel(okta);
    await expectNotSaved();
  });

  it('ignores a real click that passes through a page popover drawn over it with pointer-events:none', async () => {
    const okta = await verifiedOkta();
    await okta.evaluate(() => {
      const veil = document.createElement('div');
      veil.setAttribute('popover', 'manual');
      veil.style.cssText = 'pointer-events:none; position:fixed; inset:0; width:100vw; height:100vh; margin:0; border:0; background:#fff';
      veil.textContent = 'Click here to claim your prize';
      document.body.append(veil);
      veil.showPopover();
    });
    await clickPanelButton(okta, 'Save');
    await waitForNoPanel(okta);
    await expectNotSaved();
  });

  it('ignores clicks a page script fakes on its element', async () => {
    const okta = await verifiedOkta();
    await okta.evaluate(() => {
      const host = document.querySelector('scim-relay-ui') as HTMLElement;
      const box = host.getBoundingClientRect();
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
        host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: box.right - 60, clientY: box.bottom - 20 }));
      }
      host.click();
    });
    await new Promise((r) => setTimeout(r, 300)); // a fake click would act synchronously; give the save a moment to start
    await expectNotSaved();
    // The genuine user can still save with a real click on an untouched card.
    await clickPanelButton(okta, 'Save');
    await waitForPanel(okta, /Saved/);
    expect(session.sites.saveCalls).toHaveLength(1);
  });
});
