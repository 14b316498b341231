// Every sentence a person reads from SCIM Relay, in one place: what was expected, what was found, what to do.
// The words live in public/_locales (browser.i18n); none of them takes the token, at most its fingerprint.
import type { TargetAdapter } from './adapters/types';
import type { HostRejection } from './hosts';
import type { FieldChange, Unusable } from './dom/usable';
import type { PairingFacts } from './protocol';
import { t, type MessageKey } from './i18n';

/** `not-a-url` → `NotAUrl`: the locale keys for the reasons below are named after them. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;
const pascal = <S extends string>(reason: S) => reason.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase()) as Pascal<S>;

/** Why a host is refused: `hostNotAUrl`, `hostLookAlike`, … (the type fails to compile if a key is missing). */
const hostWords = (reason: HostRejection): MessageKey => `host${pascal(reason)}` satisfies MessageKey;

/** Why a control cannot be used (`unusableCovered`, …), or how a field changed as it was typed into (`changedReplaced`, …). */
const unusableWords = (why: FieldChange): MessageKey =>
  why === 'replaced' || why === 'not-text' ? (`changed${pascal(why)}` satisfies MessageKey) : (`unusable${pascal(why)}` satisfies MessageKey);

const FORGOTTEN: Record<'saved' | 'expired' | 'forgotten' | 'replaced', MessageKey> = {
  saved: 'forgottenSaved',
  expired: 'forgottenExpired',
  forgotten: 'forgottenOnRequest',
  replaced: 'forgottenReplaced',
};

/** How far a hand-off got before it stopped: what a stop message owes the user about the token. */
export type FillStage = 'untouched' | 'typed' | 'tested';
const STAGE_WORDS = { untouched: 'outcomeNothingFilled', typed: 'outcomeTypedNotTested', tested: 'outcomeTestedNotSaved' } as const;

function outcomeSoFar(stage: FillStage): string {
  return t(STAGE_WORDS[stage]);
}

export const say = {
  notAdminHost: (adapter: TargetAdapter, host: string, reason: HostRejection) =>
    t('notAdminHost', host, t(hostWords(reason)), adapter.label, adapter.exampleHost, adapter.path),
  signIn: (adapter: TargetAdapter) => t('signIn', adapter.label, adapter.path),
  noToken: (source: string, path: string) => t('noToken', source, path),
  expired: (source: string, path: string) => t('expired', source, path),
  otherApp: (appLabel: string, adapter: TargetAdapter) => t('otherApp', appLabel, adapter.label),
  busyElsewhere: () => t('busyElsewhere'),
  askFirst: (appLabel: string) => t('askFirst', appLabel),
  unknownApp: (source: string) => t('unknownApp', source),
  choiceNotMade: (control: string, shown: string) => `${t('choiceNotMade', control, shown || '—')} ${outcomeSoFar('untouched')}`,
  fillAction: () => t('fillAction'),
  alreadyDone: () => t('alreadyDone'),
  failedNeedsRetry: () => t('failedNeedsRetry'),
  missingControl: (name: string, adapter: TargetAdapter, frames: number, stage: FillStage) =>
    [
      t('missingControl', name, adapter.path),
      frames && !adapter.frames ? t('missingFrames', frames) : '',
      outcomeSoFar(stage),
      t('missingAdvice', adapter.path),
    ]
      .filter(Boolean)
      .join(' '),
  ambiguousControl: (name: string, count: number, stage: FillStage) => `${t('ambiguousControl', count, name)} ${outcomeSoFar(stage)}`,
  unusableControl: (name: string, why: Unusable, stage: FillStage) =>
    `${t('unusableControl', name, t(unusableWords(why)))} ${outcomeSoFar(stage)}`,
  formInFrame: (adapter: TargetAdapter) => t('formInFrame', adapter.path, adapter.label, adapter.words.form),
  fieldRejected: (name: string) => t('fieldRejected', name),
  noBaseUrl: (field: string, source: string) => t('noBaseUrl', field, source),
  enableDidNotShowFields: (checkbox: string, field: string) => t('enableDidNotShowFields', checkbox, field),
  noOutcome: (button: string, seconds: number) => t('noOutcome', button, seconds),
  filling: (fp: string) => t('filling', fp),
  verifiedBody: (adapter: TargetAdapter) => t('verifiedBody', adapter.label),
  saveAction: () => t('saveAction'),
  failedBody: () => t('failedBody'),
  savedOk: (adapter: TargetAdapter) => t('savedOk', adapter.label),
  saveNotConfirmed: (button: string, seconds: number) => t('saveNotConfirmed', button, seconds),
  forgotten: (reason: keyof typeof FORGOTTEN) => t(FORGOTTEN[reason]),
  captured: (fp: string, target: string) => t('captured', fp, target),
  generateHint: () => t('generateHint'),
  policyRefusedIdp: (host: string) => t('policyRefusedIdp', host),
  policyRefusedSource: (host: string) => t('policyRefusedSource', host),
  /** Where a token came from, when, and the Base URL that will be used (or that none was shown). */
  provenance: (host: string, title: string, time: string, baseUrl: { url: string } | { otherHost: string } | undefined) =>
    t(
      title ? 'provenanceTitled' : 'provenance',
      host,
      time,
      !baseUrl ? t('provenanceNoBaseUrl') : 'url' in baseUrl ? baseUrl.url : t('provenanceOtherBaseUrl', baseUrl.otherHost, host),
      title,
    ),
  changedAfterCapture: (kept: string, shown: string) => t('changedAfterCapture', kept, shown),
  askReplace: (heldHost: string, heldTime: string) => t('askReplace', heldHost, heldTime),
  askReplaceBody: (fp: string) => t('askReplaceBody', fp),
  replaceAction: () => t('replaceAction'),
  keepAction: () => t('keepAction'),
  kept: (fp: string) => t('kept', fp),
  notAfterClick: (trigger: string | undefined) => t('notAfterClick', trigger ?? t('anyGenerateButton')),
  notAfterClickBody: () => t('notAfterClickBody'),
  pairingChanged: (adapter: TargetAdapter, p: PairingFacts) =>
    p.side === 'idp'
      ? t('pairingChangedIdp', adapter.label, p.idp, p.pairedWith, p.source)
      : t('pairingChangedSource', p.source, adapter.label, p.pairedWith, p.idp),
  fillAnywayAction: () => t('fillAnywayAction'),
  baseUrlChanged: (field: string, host: string) => t('baseUrlChanged', field, host),
  /** `tokenHost`: the captured Base URL's host, or the source's name when none was captured. */
  baseUrlOtherHost: (field: string, formHost: string, tokenHost: string) => t('baseUrlOtherHost', field, formHost, tokenHost),
  fieldChanged: (name: string, why: FieldChange) => t('fieldChangedWhileTyping', name, t(unusableWords(why))),
};
