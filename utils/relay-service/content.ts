// Messages from content scripts, already validated with zod (protocol.ts): the sender is checked against what the
// browser stamped, the site and the organisation's policy are consulted, then the relay transition runs.
import type { SourceAdapter, TargetAdapter } from '../adapters/types';
import { isAllowedOrigin } from '../hosts';
import { POLICY_REFUSAL } from '../policy/refusal';
import type { ContentToBackground, FillGrant, PageSettingsReply } from '../protocol';
import { answerReplace, offerCapture, progress, reportPage, requestFill, result, saved, trustedClick } from '../relay';
import { siteEnabled, type Settings } from '../settings/settings';
import { redact, SHOWN_FRAGMENT_LIMIT } from '../token';
import type { ServiceContext } from './context';
import { checkPairing, commitAndRecord, expectedApp, policyAllowsHost, resolveAdapter } from './hooks';
import type { MessageSender } from './platform';
import { checkContentSender } from './senders';

/** A Base URL the source page may name: the adapter's shape, on the very origin that showed the token. */
function isBaseUrlOf(url: string, source: SourceAdapter, origin: string): boolean {
  if (!source.scimUrl.pattern.test(url)) return false;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

function pageSettings(settings: Settings, adapterId: string): PageSettingsReply {
  return { siteOn: siteEnabled(settings, adapterId), guideMode: settings.guideMode };
}

export async function handleContent(ctx: ServiceContext, message: ContentToBackground, sender: MessageSender): Promise<unknown> {
  const { platform, commit, reject } = ctx;
  const adapter = await resolveAdapter(platform, message.adapterId);
  // Whether its site and the guide are on is no secret: every page our script runs on may ask, also one on a host
  // its adapter refuses (its card then says why it does nothing there).
  if (message.type === 'page/settings') return adapter ? pageSettings(await platform.loadSettings(), adapter.id) : reject('unknown-adapter');
  const checked = checkContentSender(message, sender, adapter);
  if (typeof checked === 'string') return reject(checked);
  const { tabId, origin } = checked;
  let topOrigin = checked.topOrigin;
  if (checked.inFrame && topOrigin === undefined) {
    topOrigin = await platform.vouchForFrame?.(tabId, origin);
    if (!topOrigin || !isAllowedOrigin(topOrigin, (adapter as TargetAdapter).hosts)) return reject('unknown-top');
  }
  const settings = await platform.loadSettings();
  // The content script stays quiet on a site switched off; this holds even if it did not.
  if (!siteEnabled(settings, message.adapterId)) return reject('site-disabled');
  const now = platform.now();
  const s = await ctx.loadCurrent(now);
  if (checked.inFrame) {
    // The browser-stamped half: this tab's top frame reported from exactly that origin, for this adapter.
    const top = s.pages[tabId];
    if (!top || top.adapterId !== message.adapterId || top.topOrigin !== topOrigin) return reject('unknown-top');
  }
  const lifetime = settings.tokenLifetimeMinutes * 60_000;
  switch (message.type) {
    case 'source/clicked':
    case 'source/captured': {
      if (!(await policyAllowsHost(platform, 'source', origin))) {
        reject('org-policy');
        return POLICY_REFUSAL;
      }
      // The browser-stamped path, not the page's word: only the SCIM settings route may arm or show a token.
      const path = new URL(sender.url ?? origin).pathname;
      const source = adapter as SourceAdapter;
      if (!source.routes.some((route) => route.test(path))) return reject('off-route');
      if (message.type === 'source/clicked') return commit(trustedClick(s, { tabId, origin }, now));
      const { token } = message;
      const scimUrl = message.scimUrl && isBaseUrlOf(message.scimUrl, source, origin) ? message.scimUrl : undefined;
      const title = message.title === undefined ? undefined : redact(message.title, token, SHOWN_FRAGMENT_LIMIT);
      return commit(offerCapture(s, { token, scimUrl, adapterId: message.adapterId, origin, tabId, path, title }, now, lifetime));
    }
    case 'source/replace':
      return commit(answerReplace(s, { tabId, replace: message.replace }, now));
    case 'page/status': {
      // A framed blade cannot read the portal's title or header: the top page's reading of the app stays.
      const topLabel = checked.inFrame && !message.status.appLabel ? s.pages[tabId]?.status.appLabel : undefined;
      const status = topLabel ? { ...message.status, appLabel: topLabel } : message.status;
      const page = { adapterId: message.adapterId, role: adapter!.role, origin, topOrigin, status };
      return commit(reportPage(s, tabId, page, now));
    }
    case 'target/ready': {
      if (!(await policyAllowsHost(platform, 'target', topOrigin ?? origin))) {
        reject('org-policy');
        return { kind: 'wait', reason: 'org-policy' } satisfies FillGrant;
      }
      // A frame that reads no name goes by the top page's reading, as reported by the tab's top frame.
      const appLabel = message.appLabel || (checked.inFrame ? (s.pages[tabId]?.status.appLabel ?? '') : '');
      const expected = await expectedApp(platform, s, appLabel, message.appLabel ? message.expectedApp : false);
      const { confirmed } = message;
      const pairing = await checkPairing(platform, s, topOrigin ?? origin);
      const request = { tabId, adapterId: message.adapterId, origin, appLabel, expectedApp: expected, confirmed, pairing };
      // The guide never acts unasked: with it on, the card asks before filling too.
      return commit(requestFill(s, request, now, settings.autoSave, settings.askBeforeFill || settings.guideMode));
    }
    case 'target/notice': {
      const filling = s.target?.tabId === tabId && s.target.adapterId === message.adapterId;
      if (!filling || !(adapter as TargetAdapter).frames?.verdictInTop || (s.phase !== 'filling' && s.phase !== 'verified')) return undefined;
      await platform.sendTab(tabId, { type: 'bg/notice', message: redact(message.message, s.secret?.token) }).catch(() => undefined);
      return undefined;
    }
    case 'target/progress':
      return commit(progress(s, tabId, message.step, now));
    case 'target/result':
      return commitAndRecord(ctx, result(s, tabId, message, now), s, now);
    case 'target/saved':
      return commitAndRecord(ctx, saved(s, tabId, message, now), s, now);
    case 'guide/phase':
      return { phase: s.phase };
  }
}
