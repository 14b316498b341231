// Which IdP a person is working with, and that IdP's own words for the hand-off: the popup, the capture card and
// the guide name its places and buttons, never another IdP's. Read by content scripts too: no zod here.
import { browser } from 'wxt/browser';
import type { Site } from './adapters/sites';
import type { TargetAdapter } from './adapters/types';
import { t } from './i18n';
import type { StepId } from './protocol';
import { loadSettings } from './settings/store';
import { LAST_IDP_KEY } from './storage-keys';

/** What is known before a hand-off shows which IdP: the one the last hand-off went to, the IdPs switched off. */
export interface StoredIdpHints {
  lastUsed?: string;
  disabledSites: readonly string[];
}

export interface IdpHints extends StoredIdpHints {
  /** The IdP of the hand-off under way, or of the page in front. */
  inUse?: string;
}

/**
 * The IdP in use; else the one used last, if still switched on; else every IdP switched on (all, if none is).
 * `idps` are the adapters (popup) or only their names (utils/adapters/sites.ts, for the InVision script's budget).
 */
export function likelyIdps<Idp extends Pick<Site, 'id'>>(hints: IdpHints, idps: readonly Idp[]): readonly Idp[] {
  const inUse = idps.find((idp) => idp.id === hints.inUse);
  if (inUse) return [inUse];
  const on = idps.filter((idp) => !hints.disabledSites.includes(idp.id));
  const last = on.find((idp) => idp.id === hints.lastUsed);
  if (last) return [last];
  return on.length ? on : idps;
}

/** One IdP when it is known; several mean the person has not shown which one yet. */
export function knownIdp<Idp>(idps: readonly Idp[]): Idp | undefined {
  return idps.length === 1 ? idps[0] : undefined;
}

/** Where to take the token: the known IdP's own path, or the app's provisioning settings in any of the IdPs. */
export function whereToFill(idps: readonly Pick<Site, 'label' | 'path'>[], appName: string): string {
  const idp = knownIdp(idps);
  return idp ? `${idp.label}: ${idp.path}` : t('csTargetPath', appName, idps.map((adapter) => adapter.label).join(', '));
}

/** The hand-off's steps as the popup lists them, in the IdP's words (neutral ones while the IdP is unknown). */
export function stepLabels(idp: TargetAdapter | undefined): Record<StepId, string> {
  if (!idp) {
    return {
      capture: t('stepCapture'),
      locate: t('stepLocateAnyIdp'),
      fill: t('stepFillAnyIdp'),
      test: t('stepTestAnyIdp'),
      verify: t('stepVerifyAnyIdp'),
      save: t('stepSaveAnyIdp'),
    };
  }
  return {
    capture: t('stepCapture'),
    locate: t('stepLocate', idp.words.form, idp.label),
    fill: t('stepFill', idp.words.tokenField),
    test: t('stepTest', idp.words.testButton),
    verify: t('stepVerify', idp.label),
    save: t('stepSave', idp.label),
  };
}

/** What a page hint about an IdP page substitutes ($1…$4): its name, an admin host, its path and its form. */
export function hintWords(idp: TargetAdapter): string[] {
  return [idp.label, idp.exampleHost, idp.path, idp.words.form];
}

export async function loadIdpHints(): Promise<StoredIdpHints> {
  const [settings, stored] = await Promise.all([loadSettings(), browser.storage.local.get(LAST_IDP_KEY)]);
  const lastUsed: unknown = stored[LAST_IDP_KEY];
  return { lastUsed: typeof lastUsed === 'string' ? lastUsed : undefined, disabledSites: settings.disabledSites };
}

/** Kept by the background when a hand-off goes to an IdP: later captures and guides name that one. */
export async function rememberIdp(adapterId: string): Promise<void> {
  await browser.storage.local.set({ [LAST_IDP_KEY]: adapterId });
}
