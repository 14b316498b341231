// Messages from the extension's own pages (popup, options) and the keyboard shortcut: the view without the token,
// "Forget now", Save, "Fill here", and the content-free diagnostics report.
import { diagnosticsReport } from '../diagnostics';
import type { UiToBackground } from '../protocol';
import { allowTab, forget, viewFor, type RelayState } from '../relay';
import type { ServiceContext } from './context';

/** The extension pages allowed to ask: the popup and the options page, on our own origin. */
export const UI_PAGES = ['/popup.html', '/options.html'];
const UNKNOWN_ENVIRONMENT = { extensionVersion: 'unknown', browser: 'unknown' };

export async function handleUi(ctx: ServiceContext, message: UiToBackground): Promise<unknown> {
  const { platform } = ctx;
  const now = platform.now();
  const s = await ctx.loadCurrent(now);
  switch (message.type) {
    case 'ui/get-state':
      return viewFor(s, message.tabId, now);
    case 'ui/forget':
      await ctx.commit(forget(s, now));
      return viewFor((await ctx.load()), undefined, now);
    case 'ui/save':
      if (s.phase === 'verified' && s.target) await platform.sendTab(s.target.tabId, { type: 'bg/save' }).catch(() => undefined);
      return undefined;
    case 'ui/fill-here':
      return fillHere(ctx, s, message.tabId, now);
    case 'ui/diagnostics':
      return diagnosticsReport({
        state: s,
        settings: await platform.loadSettings(),
        managedKeys: Object.keys((await platform.loadPolicy?.()) ?? {}),
        now,
        ...(platform.environment?.() ?? UNKNOWN_ENVIRONMENT),
      });
  }
}

/** The user asked to fill this tab (popup button or keyboard shortcut); only a target page qualifies. */
export async function fillHere(ctx: ServiceContext, s: RelayState, tabId: number, now: number): Promise<undefined> {
  if (s.pages[tabId]?.role !== 'target') return ctx.reject('no-tab');
  await ctx.commit(allowTab(s, tabId, now));
  return undefined;
}
