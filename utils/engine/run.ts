// Wiring shared by every content script: the in-page UI, the background port and the page lifecycle.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SourceAdapter, TargetAdapter } from '../adapters/types';
import { listenToBackground, sendToBackground } from '../content-port';
import { createInPageUi } from '../dom/in-page-ui';
import { startSource } from './source';
import { startTarget } from './target';

export function runTargetScript(ctx: ContentScriptContext, adapter: TargetAdapter, source: SourceAdapter): void {
  let onPanelAction = (_id: 'save' | 'dismiss') => {};
  const ui = createInPageUi((id) => onPanelAction(id));
  ctx.onInvalidated(() => ui.destroy());
  const engine = startTarget({
    adapter,
    source: { label: source.label, path: source.path },
    send: sendToBackground,
    ui,
    signal: ctx.signal,
  });
  onPanelAction = engine.onPanelAction;
  listenToBackground(ctx, engine.onBackground);
  // Okta switches tabs and panes without reloading.
  ctx.addEventListener(window, 'hashchange', engine.evaluate);
  ctx.addEventListener(window, 'wxt:locationchange', engine.evaluate);
  engine.evaluate();
}

export function runSourceScript(ctx: ContentScriptContext, adapter: SourceAdapter, targetPath: string): void {
  const ui = createInPageUi(() => {});
  ctx.onInvalidated(() => ui.destroy());
  startSource({ adapter, targetPath, send: sendToBackground, ui, signal: ctx.signal });
}
