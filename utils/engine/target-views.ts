// What the target page's card says after the background's answer and after a verdict: the words only, no state.
import type { TargetAdapter } from '../adapters/types';
import type { PanelView } from '../dom/in-page-panel';
import { say } from '../messages';
import type { FillGrant } from '../protocol';
import type { Stop } from './handoff-machine';
import type { Verdict } from './verdict';

/** The source product, for "go there to make a token" messages, and how IdPs name its app. */
export interface SourceWords {
  label: string;
  path: string;
  appName?: RegExp;
}

/** Why the background made this page wait, and the go-ahead the person may give. */
export function waitView(grant: Extract<FillGrant, { kind: 'wait' }>, appLabel: string, adapter: TargetAdapter, source: SourceWords): PanelView {
  const { reason, pairing } = grant;
  const goAhead = (label: string): PanelView['actions'] => [{ id: 'fill', label }];
  const ask: PanelView = { tone: 'info', title: say.askFirst(appLabel), actions: goAhead(say.fillAction()) };
  const views: Record<typeof reason, PanelView> = {
    'no-token': { tone: 'info', title: say.noToken(source.label, source.path) },
    expired: { tone: 'warning', title: say.expired(source.label, source.path) },
    saved: { tone: 'success', title: say.forgotten('saved') },
    'other-app': { tone: 'warning', title: say.otherApp(appLabel, adapter) },
    'unknown-app': { tone: 'info', title: say.unknownApp(source.label), actions: [{ id: 'fill', label: say.fillAction() }] },
    'busy-elsewhere': { tone: 'info', title: say.busyElsewhere() },
    'already-done': { tone: 'info', title: say.alreadyDone() },
    'failed-needs-retry': { tone: 'warning', title: say.failedNeedsRetry() },
    'ask-first': ask,
    'org-policy': { tone: 'error', title: say.policyRefusedIdp(location.hostname) },
    'pairing-changed': { tone: 'warning', title: pairing ? say.pairingChanged(adapter, pairing) : '', actions: goAhead(say.fillAnywayAction()) },
    // This tab had its one fill on its own: the same question as "ask before filling".
    'refill-needs-go-ahead': ask,
  };
  return views[reason];
}

/** The IdP's verdict in its own words; Save offered when it verified. */
export function verdictView(verdict: Verdict, adapter: TargetAdapter): PanelView {
  return verdict.ok
    ? { tone: 'success', title: verdict.message, body: say.verifiedBody(adapter), actions: [{ id: 'save', label: say.saveAction() }] }
    : { tone: 'error', title: verdict.message, body: say.failedBody() };
}

/** A stop, with "Fill anyway" when it asks about another Base URL host. */
export function stopView({ message, asks }: Stop): PanelView {
  return asks ? { tone: 'warning', title: message, actions: [{ id: 'fill', label: say.fillAnywayAction() }] } : { tone: 'error', title: message };
}
