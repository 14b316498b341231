// What each tab with one of our content scripts last reported, and what a closed tab takes with it.
import { t } from '../i18n';
import { redact, SHOWN_FRAGMENT_LIMIT } from '../token';
import type { RelayState, TabPage, Transition } from './state';

/** The tabs whose page is an IdP's: the ones to nudge when a token becomes available. */
export function targetTabs(state: RelayState): number[] {
  return Object.entries(state.pages)
    .filter(([, page]) => page.role === 'target')
    .map(([tabId]) => Number(tabId));
}

export function reportPage(
  state: RelayState,
  tabId: number,
  page: Omit<TabPage, 'at'>,
  now: number,
): Transition {
  // Statuses hold names, not content; should a page slip the token in anyway, it is gone before it is stored.
  const clean = (text: string) => redact(text, state.secret?.token, SHOWN_FRAGMENT_LIMIT);
  const { detail, appLabel, found, missing } = page.status;
  const status = {
    ...page.status,
    ...(detail === undefined ? {} : { detail: clean(detail) }),
    ...(appLabel === undefined ? {} : { appLabel: clean(appLabel) }),
    ...(found === undefined ? {} : { found: found.map(clean) }),
    ...(missing === undefined ? {} : { missing: missing.map(clean) }),
  };
  return { state: { ...state, pages: { ...state.pages, [tabId]: { ...page, status, at: now } }, updatedAt: now }, effects: [], reply: undefined };
}

export function closeTab(state: RelayState, tabId: number, now: number): Transition {
  const pages = { ...state.pages };
  delete pages[tabId];
  let next: RelayState = {
    ...state,
    pages,
    allowedTabs: state.allowedTabs.filter((t) => t !== tabId),
    filledTabs: state.filledTabs?.filter((t) => t !== tabId),
    updatedAt: now,
  };
  // A hand-off whose tab went away fails closed: the token stays, the user starts it again.
  if (next.target?.tabId === tabId && next.phase === 'filling') {
    next = { ...next, phase: 'failed', message: t('tabClosedMidFill') };
  }
  return { state: next, effects: [], reply: undefined };
}
