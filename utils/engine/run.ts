// Wiring shared by every content script: the in-page UI, the background port and the page lifecycle.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PanelActionId } from '../../components/InPagePanel';
import type { SourceAdapter, TargetAdapter } from '../adapters/types';
import { listenToBackground, sendToBackground } from '../content-port';
import { createInPageUi } from '../dom/in-page-ui';
import { watchDom } from '../dom/wait';
import type { ContentToBackground } from '../protocol';
import { siteEnabled } from '../settings';
import { loadSettings } from '../settings-store';
import { currentPlace } from './frames';
import { startSource } from './source';
import { startTarget, watchAnnouncements } from './target';

/** A site the user switched off in the options gets no card, no capture and no fill. */
async function enabled(adapterId: string): Promise<boolean> {
  return siteEnabled(await loadSettings(), adapterId);
}

export async function runTargetScript(ctx: ContentScriptContext, adapter: TargetAdapter, source: SourceAdapter): Promise<void> {
  const place = currentPlace(adapter);
  if (place.kind === 'elsewhere') return;
  if (!(await enabled(adapter.id)) || ctx.isInvalid) return;
  const send =
    place.kind === 'frame'
      ? (message: ContentToBackground) => sendToBackground({ ...message, topOrigin: place.topOrigin } as ContentToBackground)
      : sendToBackground;
  let onPanelAction = (_id: PanelActionId) => {};
  const ui = createInPageUi((id) => onPanelAction(id));
  ctx.onInvalidated(() => ui.destroy());
  const engine = startTarget({
    adapter,
    source: { label: source.label, path: source.path },
    send,
    ui,
    signal: ctx.signal,
    inFrame: place.kind === 'frame',
  });
  onPanelAction = engine.onPanelAction;
  listenToBackground(ctx, engine.onBackground);
  // Okta switches tabs and panes without reloading.
  ctx.addEventListener(window, 'hashchange', engine.evaluate);
  ctx.addEventListener(window, 'wxt:locationchange', engine.evaluate);
  engine.evaluate();
  if (place.kind === 'top' && adapter.frames?.verdictInTop) forwardTopVerdicts(ctx, adapter, ui.host);
}

/**
 * The top page's half of a framed form: the portal announces the verdict outside the frame, so the top script
 * passes each new verdict to the background, which hands it to the frame that is filling (and to no one else).
 */
function forwardTopVerdicts(ctx: ContentScriptContext, adapter: TargetAdapter, ownUi: Element): void {
  // Live regions only: a portal's top page changes constantly, and its notifications are announced regions.
  const watch = watchAnnouncements(adapter.outcome, { ownUi, liveRegionsOnly: true });
  const stop = watchDom(() => {
    if (!watch.changed()) return;
    for (const { text } of watch.take()) {
      const verdict = adapter.outcome.success.test(text) || adapter.outcome.failure.test(text) || adapter.outcome.saved?.test(text);
      if (verdict) void sendToBackground({ type: 'target/notice', adapterId: adapter.id, message: text });
    }
  });
  ctx.onInvalidated(() => {
    stop();
    watch.stop();
  });
}

export async function runSourceScript(ctx: ContentScriptContext, adapter: SourceAdapter, targetPath: string): Promise<void> {
  if (!(await enabled(adapter.id)) || ctx.isInvalid) return;
  const ui = createInPageUi(() => {});
  ctx.onInvalidated(() => ui.destroy());
  startSource({ adapter, targetPath, send: sendToBackground, ui, signal: ctx.signal });
}
