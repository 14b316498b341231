// What is derived from the state for others to read: the popup's view (a fingerprint, never the token), the badge,
// and the timeline of changes that "Copy diagnostics" reports.
import { fingerprint } from '../token';
import { TIMELINE_LIMIT, type RelayState, type TimelineEntry } from './state';

/** Appends what changed between two states to the timeline (phase, new steps, page statuses, a new message). */
export function noteChanges(prev: RelayState, next: RelayState, now: number): RelayState {
  const notes: TimelineEntry[] = [];
  if (prev.phase !== next.phase) notes.push({ at: now, event: `phase:${next.phase}` });
  // A newer token replacing one still held changes neither phase nor steps: note it on its own.
  if (next.secret && next.secret.capturedAt !== prev.secret?.capturedAt) notes.push({ at: now, event: 'token:captured' });
  for (const step of next.steps) if (!prev.steps.includes(step)) notes.push({ at: now, event: `step:${step}` });
  for (const [tabId, page] of Object.entries(next.pages)) {
    if (prev.pages[tabId]?.status.code !== page.status.code) notes.push({ at: now, event: `page:${page.adapterId}:${page.status.code}` });
  }
  if (next.message && next.message !== prev.message) notes.push({ at: now, event: 'message', text: next.message });
  if (!notes.length) return next;
  return { ...next, timeline: [...(next.timeline ?? []), ...notes].slice(-TIMELINE_LIMIT) };
}
/** What the popup may know: everything but the token, which becomes a fingerprint. */
export function viewFor(state: RelayState, tabId: number | undefined, now: number) {
  const page = tabId === undefined ? undefined : state.pages[tabId];
  return {
    phase: state.phase,
    fingerprint: state.secret ? fingerprint(state.secret.token) : undefined,
    capturedAt: state.secret?.capturedAt,
    expiresAt: state.secret?.expiresAt,
    scimUrl: state.secret?.scimUrl,
    sourceOrigin: state.secret?.sourceOrigin,
    sourceTitle: state.secret?.sourceTitle,
    target: state.target
      ? { adapterId: state.target.adapterId, origin: state.target.origin, appLabel: state.target.appLabel, isThisTab: state.target.tabId === tabId }
      : undefined,
    message: state.message,
    steps: state.steps,
    page: page ? { role: page.role, adapterId: page.adapterId, origin: page.origin, status: page.status } : undefined,
    canSave: state.phase === 'verified',
    canFillHere:
      !!state.secret &&
      page?.role === 'target' &&
      (page.status.code === 'other-app' ||
        state.phase === 'failed' ||
        (state.phase === 'verified' && state.target?.tabId === tabId) ||
        (state.phase === 'captured' && tabId !== undefined && !!state.filledTabs?.includes(tabId))),
    now,
  };
}
export type RelayView = ReturnType<typeof viewFor>;

/** Badge text and colour: the state at a glance, never anything secret. */
export function badgeFor(state: RelayState, now: number): { text: string; color: string } {
  switch (state.phase) {
    case 'captured':
    case 'filling': {
      const minutes = state.secret ? Math.max(1, Math.ceil((state.secret.expiresAt - now) / 60_000)) : 0;
      return { text: `${minutes}m`, color: '#1a73e8' };
    }
    case 'verified':
      return { text: '✓', color: '#188038' };
    case 'failed':
      return { text: '!', color: '#d93025' };
    default:
      return { text: '', color: '#5f6368' };
  }
}
