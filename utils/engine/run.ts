// Wiring shared by every content script: the in-page UI, the background port, the page lifecycle, and the guide
// (started and stopped as the settings change, so it can be switched on in the middle of a setup).
import { browser } from 'wxt/browser';
import type { ScriptContext } from '../sealed-context';
import type { SourceSite, Site } from '../adapters/sites';
import type { Adapter, SourceAdapter, TargetAdapter } from '../adapters/types';
import { listenToBackground, sendToBackground } from '../content-port';
import type { PanelActionId } from '../dom/in-page-panel';
import { createInPageUi, type InPageUi } from '../dom/in-page-ui';
import { expectWork, watchDom } from '../dom/wait';
import { startGuide } from '../guide/guide';
import { guideWords } from '../guide/steps';
import type { BackgroundToContent, ContentToBackground, Phase } from '../protocol';
import { parseGuidePhaseReply, parsePageSettingsReply } from '../protocol-inbound';
import { SETTINGS_KEY } from '../storage-keys';
import type { Chooser } from './choose';
import { currentPlace } from './frames';
import { onSourceRoute, startSource, watchGenerateClicks } from './source';
import { isVerdict, watchAnnouncements } from './announcements';
import { startTarget } from './target';

/** How often a page script checks that its extension is still there: an orphan's card must not outlive it. */
export const ORPHAN_CHECK_MS = 2_000;

/**
 * The in-page card, taken away when this script is invalidated, including when its extension is reloaded or
 * removed: nothing tells an orphaned script so, but reading `ctx.isInvalid` finds out and aborts the context.
 */
function inPageUi(ctx: ScriptContext, onAction: (id: PanelActionId) => void): InPageUi {
  const ui = createInPageUi(onAction);
  const check = setInterval(() => void ctx.isInvalid, ORPHAN_CHECK_MS);
  ctx.onInvalidated(() => {
    clearInterval(check);
    ui.destroy();
  });
  return ui;
}

type Send = (message: ContentToBackground) => Promise<unknown>;

/**
 * Is this page's site switched on, and the guide? The background answers with the managed policy merged in; no
 * answer (an orphaned script, a source no longer defined) means the page stays quiet.
 */
async function askPageSettings(send: Send, adapterId: string): Promise<{ siteOn: boolean; guideMode: boolean }> {
  return parsePageSettingsReply(await send({ type: 'page/settings', adapterId })) ?? { siteOn: false, guideMode: false };
}

/** The whole setup runs source first, then target: each site's guide knows where it sits in it. */
interface GuidePlace {
  offset: number;
  total?: number;
  words: readonly string[];
}

/** `start` is handed in by the sites that have a guide, so the others' scripts do not carry it (20 KB budget). */
function runGuide(ctx: ScriptContext, adapter: Adapter, ui: InPageUi, place: GuidePlace, guideOn: boolean, start: typeof startGuide, send: Send): void {
  const steps = adapter.guide;
  if (!steps?.length) return; // a site without a guide of its own (user-defined sources, later IdPs) shows none
  let running: AbortController | undefined;
  const apply = (on: boolean) => {
    if (on === !!running) return;
    if (!on) {
      running?.abort();
      running = undefined;
      return;
    }
    running = new AbortController();
    start({
      steps,
      ...place,
      siteLabel: adapter.label,
      wayBack: adapter.path,
      ui,
      askPhase: async () => {
        const reply = parseGuidePhaseReply(await sendToBackground(ctx, { type: 'guide/phase', adapterId: adapter.id }));
        return reply?.phase;
      },
      signal: AbortSignal.any([running.signal, ctx.signal]),
    });
  };
  // The user's settings or the organisation's policy changed: ask again what they now make of the guide.
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && SETTINGS_KEY in changes) || area === 'managed') void askPageSettings(send, adapter.id).then((now) => apply(now.guideMode));
  };
  browser.storage.onChanged.addListener(onChanged);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
  apply(guideOn);
}

/**
 * What a site's script carries only when its site needs it, so the others stay under 20 KB gzip: `chooser` for a
 * form with choices (utils/engine/choose.ts), `guide` (utils/guide/guide.ts's startGuide) for a site with a guide.
 */
export interface TargetExtras {
  chooser?: Chooser;
  guide?: typeof startGuide;
}

export async function runTargetScript(ctx: ScriptContext, adapter: TargetAdapter, source: SourceSite, extras: TargetExtras = {}): Promise<void> {
  const place = currentPlace(adapter);
  if (place.kind === 'elsewhere') return;
  const topOrigin = place.kind === 'frame' ? place.topOrigin : undefined;
  const send: Send = topOrigin
    ? (message) => sendToBackground(ctx, { ...message, topOrigin } as ContentToBackground)
    : (message) => sendToBackground(ctx, message);
  const settings = await askPageSettings(send, adapter.id);
  if (!settings.siteOn || ctx.isInvalid) return;
  let onPanelAction = (_id: PanelActionId) => {};
  const ui = inPageUi(ctx, (id) => onPanelAction(id));
  const engine = startTarget({
    adapter,
    source: { label: source.label, path: source.path, appName: source.idpAppName },
    send,
    ui,
    signal: ctx.signal,
    inFrame: place.kind === 'frame',
    chooser: extras.chooser,
  });
  onPanelAction = engine.onPanelAction;
  listenToBackground(ctx, (message: BackgroundToContent) => {
    if (message.type === 'bg/token-available' || message.type === 'bg/fill-here') expectWork(true);
    engine.onBackground(message);
  });
  // A matched frame is the provisioning form itself, and the background answers frames only about a hand-off.
  if (place.kind === 'frame') expectWork(true);
  else void expectWorkIfTokenHeld(ctx, adapter);
  // Okta switches tabs and panes without reloading.
  ctx.addEventListener(window, 'hashchange', engine.evaluate);
  ctx.addEventListener(window, 'wxt:locationchange', engine.evaluate);
  engine.evaluate();
  if (place.kind === 'top' && adapter.frames?.verdictInTop) forwardTopVerdicts(ctx, adapter, ui.host);
  // The guide runs in the top page only: a frame's card would draw a second one.
  const sourceSteps = source.guideSteps;
  if (place.kind === 'top' && extras.guide) {
    const guidePlace = { offset: sourceSteps, total: sourceSteps + (adapter.guide?.length ?? 0), words: guideWords(adapter) };
    runGuide(ctx, adapter, ui, guidePlace, settings.guideMode, extras.guide, send);
  }
}

/** The phases in which the background holds a token that a target page may receive. */
const TOKEN_HELD: readonly Phase[] = ['captured', 'filling', 'verified', 'failed'];

/** A target page is worth the person's attention only while a token waits for it (utils/dom/wait.ts's rule). */
async function expectWorkIfTokenHeld(ctx: ScriptContext, adapter: TargetAdapter): Promise<void> {
  const reply = parseGuidePhaseReply(await sendToBackground(ctx, { type: 'guide/phase', adapterId: adapter.id }));
  if (reply && TOKEN_HELD.includes(reply.phase)) expectWork(true);
}

/**
 * The top page's half of a framed form: the portal announces the verdict outside the frame, so the top script
 * passes each new verdict to the background, which hands it to the frame that is filling (and to no one else).
 */
function forwardTopVerdicts(ctx: ScriptContext, adapter: TargetAdapter, ownUi: Element): void {
  // Live regions only: a portal's top page changes constantly, and its notifications are announced regions.
  const watch = watchAnnouncements(adapter.outcome, { ownUi, liveRegionsOnly: true });
  const stop = watchDom(() => {
    if (!watch.changed()) return;
    for (const { text } of watch.take()) {
      if (isVerdict(adapter.outcome, text)) void sendToBackground(ctx, { type: 'target/notice', adapterId: adapter.id, message: text });
    }
  });
  ctx.onInvalidated(() => {
    stop();
    watch.stop();
  });
}

/** Where the token goes next: `targetPath` in the IdP's words; `guideTarget`, the IdP whose part of the guide
 * follows this source's (for "step 3 of 15"), when it is known. */
export interface NextStop {
  targetPath: string;
  guideTarget?: Site;
}

/** `next` may still be settling (read from storage): the person's clicks are watched meanwhile. */
export async function runSourceScript(ctx: ScriptContext, adapter: SourceAdapter, next: Promise<NextStop>): Promise<void> {
  // Source scripts start at document_start: the person's click on Generate counts even before the page settles.
  const clicks = watchGenerateClicks(adapter);
  const send: Send = (message) => sendToBackground(ctx, message);
  const [settings, { targetPath, guideTarget }] = await Promise.all([askPageSettings(send, adapter.id), next]);
  if (!settings.siteOn || ctx.isInvalid) return clicks.stop();
  if (document.readyState === 'loading') await new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }));
  if (ctx.isInvalid) return clicks.stop();
  let onPanelAction = (_id: PanelActionId) => {};
  const ui = inPageUi(ctx, (id) => onPanelAction(id));
  // The SCIM settings route is where a token may appear: there the person's arrival earns close probing.
  const onSettingsRoute = () => expectWork(onSourceRoute(adapter, location.pathname));
  onSettingsRoute();
  ctx.addEventListener(window, 'wxt:locationchange', onSettingsRoute);
  onPanelAction = startSource({ adapter, targetPath, send, ui, signal: ctx.signal, clicks }).onPanelAction;
  const steps = adapter.guide?.length ?? 0;
  const total = guideTarget ? steps + guideTarget.guideSteps : undefined;
  runGuide(ctx, adapter, ui, { offset: 0, total, words: [targetPath] }, settings.guideMode, startGuide, send);
}
