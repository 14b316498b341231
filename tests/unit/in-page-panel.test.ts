// The in-page card drawn without a framework: what a person and a screen reader get, and that a redraw changes
// nodes in place (a replaced button loses the keyboard focus, a replaced live region re-announces itself).
import { describe, expect, it, vi } from 'vitest';
import { createInPagePanel, type GuideView, type PanelView } from '../../utils/dom/in-page-panel';

function setup() {
  const mount = document.createElement('div');
  document.body.append(mount);
  const onAction = vi.fn();
  return { mount, onAction, draw: createInPagePanel(mount, onAction) };
}

const ask: PanelView = { tone: 'info', title: 'Token captured', body: 'Open Okta.', actions: [{ id: 'fill', label: 'Fill now' }] };
const step: GuideView = { title: 'Setup guide · step 1 of 3', text: 'Click Edit.', spot: { top: 10, left: 20, width: 30, height: 40 } };
const texts = (mount: Element, selector: string) => Array.from(mount.querySelectorAll(selector), (node) => node.textContent);

describe('in-page panel', () => {
  it('shows the message, its actions and a close button, the message in a polite live region', () => {
    const { mount, draw } = setup();
    draw(ask);
    expect(mount.querySelector('section')?.className).toBe('panel info');
    expect(texts(mount, '.title, .body')).toEqual(['Token captured', 'Open Okta.']);
    expect(texts(mount, 'button')).toEqual(['Fill now', '×']);
    expect(mount.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
    expect(mount.querySelector('.spot, .guide')).toBeNull();
  });

  it('says errors and warnings assertively, and leaves out a body it was not given', () => {
    const { mount, draw } = setup();
    draw({ tone: 'error', title: 'Not filled' });
    expect(mount.querySelector('[role="alert"]')?.getAttribute('aria-live')).toBe('assertive');
    expect(mount.querySelector('.body')).toBeNull();
    expect(mount.querySelector('section')?.className).toBe('panel error');
  });

  it('puts the guide before the message and rings the control just outside its edges', () => {
    const { mount, draw } = setup();
    draw(ask, { ...step, lost: 'Go back to Applications.' });
    expect(texts(mount, '.content p')).toEqual(['Setup guide · step 1 of 3', 'Click Edit.', 'Go back to Applications.', 'Token captured', 'Open Okta.']);
    const spot = mount.querySelector<HTMLElement>('.spot')!;
    expect([spot.style.top, spot.style.left, spot.style.width, spot.style.height]).toEqual(['6px', '16px', '38px', '48px']);
    expect(spot.getAttribute('aria-hidden')).toBe('true');
  });

  it('keeps its nodes when redrawn: the spot moving or the guide changing replaces no button and no live region', () => {
    const { mount, draw } = setup();
    draw(ask, step);
    const [fill, guideRegion, messageRegion] = [mount.querySelector('button.fill'), mount.querySelector('.guide'), mount.querySelector('[role="status"]:not(.guide)')];
    draw(ask, { ...step, text: 'Click Save.', spot: { ...step.spot!, top: 99 } });
    expect(mount.querySelector('button.fill')).toBe(fill);
    expect(mount.querySelector('.guide')).toBe(guideRegion);
    expect(mount.querySelector('[role="status"]:not(.guide)')).toBe(messageRegion);
    expect(texts(mount, '.guide-text')).toEqual(['Click Save.']);
  });

  it('passes each click to the handler with its action, the close button as dismiss', () => {
    const { mount, draw, onAction } = setup();
    draw({ ...ask, actions: [{ id: 'replace', label: 'Replace' }, { id: 'keep', label: 'Keep' }] });
    for (const node of mount.querySelectorAll('button')) node.click();
    expect(onAction.mock.calls.map(([id]) => id)).toEqual(['replace', 'keep', 'dismiss']);
  });

  it('empties the mount when there is nothing to show, and draws again after', () => {
    const { mount, draw } = setup();
    draw(ask, step);
    draw();
    expect(mount.childNodes).toHaveLength(0);
    draw(undefined, step);
    expect(texts(mount, '.content p')).toEqual(['Setup guide · step 1 of 3', 'Click Edit.']);
    expect(mount.querySelector('button')).toBeNull();
  });
});
