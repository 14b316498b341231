// The options page: token lifetime, what happens after a passing test, asking first, which sites SCIM Relay
// works on, the guide and the rotation reminder. Every change is validated against the settings schema and saved at
// once. What the organisation's policy decides is shown on the setting, read-only, with the policy's reason.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { NO_POLICY, type ReadPolicy } from '../utils/policy/managed';
import { sitesOffByPolicy } from '../utils/policy/merge';
import { isSettings, ROTATION_INTERVAL_DAYS, TOKEN_LIFETIME_MINUTES, type Settings } from '../utils/settings/settings';
import { PolicySummary } from './PolicySummary';

export interface OptionsClient {
  /** The user's own settings (what this page edits), before the policy is laid over them. */
  load(): Promise<Settings>;
  save(settings: Settings): Promise<boolean>;
  /** The organisation's policy; none when absent. */
  policy?(): Promise<ReadPolicy>;
}

export interface SiteChoice {
  id: string;
  label: string;
  role: 'source' | 'target';
}

type Notice = { tone: 'ok' | 'error'; text: string } | undefined;

/** What the policy decided about one setting, and the organisation's own words when it gave any. */
function PolicyNote(props: { id: string; text?: string; note?: string }) {
  if (!props.text) return null;
  return (
    <p class="help policy-note" id={props.id} data-policy-note>
      {props.text}
      {props.note && ` ${t('policyNote', props.note)}`}
    </p>
  );
}

/** `locked`: the policy's sentence; the box then shows the policy's value and cannot be changed here. */
function Toggle(props: { id: string; label: string; help: string; checked: boolean; onChange: (checked: boolean) => void; locked?: string; note?: string }) {
  return (
    <div class="toggle">
      <input
        type="checkbox"
        id={props.id}
        checked={props.checked}
        disabled={!!props.locked}
        aria-describedby={`${props.id}-help${props.locked ? ` ${props.id}-policy` : ''}`}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
      <p class="help" id={`${props.id}-help`}>
        {props.help}
      </p>
      <PolicyNote id={`${props.id}-policy`} text={props.locked} note={props.note} />
    </div>
  );
}

/** A whole number typed into a field: saved when it is in range, else the field says what is allowed. */
function inRange(text: string, range: { min: number; max: number }): number | undefined {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= range.min && value <= range.max ? value : undefined;
}

/**
 * `children` is the place for further sections (such as user-defined sources), shown between sites and the guide;
 * `record` (the rotation record) comes after the settings.
 */
export function Options(props: { client: OptionsClient; sites: readonly SiteChoice[]; children?: ComponentChildren; record?: ComponentChildren }) {
  const [settings, setSettings] = useState<Settings>();
  const [lifetimeText, setLifetimeText] = useState('');
  const [intervalText, setIntervalText] = useState('');
  const [notice, setNotice] = useState<Notice>();
  const [managed, setManaged] = useState<ReadPolicy>({ policy: NO_POLICY, invalidKeys: [] });

  useEffect(() => {
    void Promise.all([props.client.load(), props.client.policy?.()]).then(([loaded, read]) => {
      if (read) setManaged(read);
      setSettings(loaded);
      // What is obeyed: a longer lifetime of the user's own is shortened to the policy's maximum.
      setLifetimeText(String(Math.min(loaded.tokenLifetimeMinutes, read?.policy.maxTokenLifetimeMinutes ?? Infinity)));
      setIntervalText(String(loaded.rotationIntervalDays));
    });
  }, [props.client]);

  if (!settings) return <main class="options"><p role="status">{t('loading')}</p></main>;
  const { policy } = managed;
  const note = policy.organisationNote;
  const lifetime = { ...TOKEN_LIFETIME_MINUTES, max: policy.maxTokenLifetimeMinutes ?? TOKEN_LIFETIME_MINUTES.max };
  const sitesOff = sitesOffByPolicy(policy);

  const update = async (next: Settings) => {
    const ok = isSettings(next) && (await props.client.save(next));
    if (ok) setSettings(next);
    setNotice(ok ? { tone: 'ok', text: t('optionsSaved') } : { tone: 'error', text: t('optionsNotSaved') });
  };

  const onLifetime = (text: string) => {
    setLifetimeText(text);
    const minutes = inRange(text, lifetime);
    if (minutes !== undefined) void update({ ...settings, tokenLifetimeMinutes: minutes });
    else setNotice({ tone: 'error', text: t('optionsLifetimeInvalid', lifetime.min, lifetime.max) });
  };

  const onInterval = (text: string) => {
    setIntervalText(text);
    const days = inRange(text, ROTATION_INTERVAL_DAYS);
    if (days !== undefined) void update({ ...settings, rotationIntervalDays: days });
    else setNotice({ tone: 'error', text: t('optionsRotationIntervalInvalid', ROTATION_INTERVAL_DAYS.min, ROTATION_INTERVAL_DAYS.max) });
  };
  const intervalLocked =
    policy.rotationIntervalDays === undefined ? undefined : policy.rotationIntervalDays ? t('policyRotation', policy.rotationIntervalDays) : t('policyRotationOff');

  const setSite = (id: string, on: boolean) => {
    const others = settings.disabledSites.filter((site) => site !== id);
    void update({ ...settings, disabledSites: on ? others : [...others, id] });
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <PolicySummary read={managed} />
      <form onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>{t('optionsHandOff')}</legend>
          <div class="field">
            <label for="lifetime">{t('optionsLifetime')}</label>
            <input
              id="lifetime"
              type="number"
              inputMode="numeric"
              min={lifetime.min}
              max={lifetime.max}
              step={1}
              value={lifetimeText}
              aria-describedby={`lifetime-help${policy.maxTokenLifetimeMinutes ? ' lifetime-policy' : ''}`}
              aria-invalid={notice?.tone === 'error' && lifetimeText !== String(settings.tokenLifetimeMinutes)}
              onInput={(event) => onLifetime(event.currentTarget.value)}
            />
            <p class="help" id="lifetime-help">
              {t('optionsLifetimeHelp', lifetime.min, lifetime.max)}
            </p>
            <PolicyNote id="lifetime-policy" text={policy.maxTokenLifetimeMinutes ? t('policyLifetimeMax', policy.maxTokenLifetimeMinutes) : undefined} note={note} />
          </div>
          <Toggle
            id="auto-save"
            label={t('optionsAutoSave')}
            help={t('optionsAutoSaveHelp')}
            checked={settings.autoSave && policy.autoSaveAllowed !== false}
            onChange={(autoSave) => void update({ ...settings, autoSave })}
            locked={policy.autoSaveAllowed === false ? t('policyAutoSaveForbidden') : undefined}
            note={note}
          />
          <Toggle
            id="ask-first"
            label={t('optionsAskFirst')}
            help={t('optionsAskFirstHelp')}
            checked={settings.askBeforeFill || policy.forceAskBeforeFilling === true}
            onChange={(askBeforeFill) => void update({ ...settings, askBeforeFill })}
            locked={policy.forceAskBeforeFilling ? t('policyAskForced') : undefined}
            note={note}
          />
        </fieldset>
        <fieldset>
          <legend>{t('optionsSites')}</legend>
          {props.sites.map((site) => (
            <Toggle
              key={site.id}
              id={`site-${site.id}`}
              label={site.label}
              help={t(site.role === 'source' ? 'optionsSiteSourceHelp' : 'optionsSiteTargetHelp', site.label)}
              checked={!settings.disabledSites.includes(site.id) && !sitesOff.includes(site.id)}
              onChange={(on) => setSite(site.id, on)}
              locked={sitesOff.includes(site.id) ? t('policySiteOff', site.label) : undefined}
              note={note}
            />
          ))}
        </fieldset>
        {policy.userSourcesAllowed === false ? (
          <>
            <PolicyNote id="custom-sources-policy" text={t('policyUserSourcesForbidden')} note={note} />
            <fieldset class="policy-locked" disabled aria-describedby="custom-sources-policy">
              {props.children}
            </fieldset>
          </>
        ) : (
          props.children
        )}
        <fieldset>
          <legend>{t('optionsGuide')}</legend>
          <Toggle
            id="guide-mode"
            label={t('optionsGuideMode')}
            help={t('optionsGuideModeHelp')}
            checked={settings.guideMode}
            onChange={(guideMode) => void update({ ...settings, guideMode })}
          />
        </fieldset>
        <fieldset>
          <legend>{t('optionsRotation')}</legend>
          <div class="field">
            <label for="rotation-interval">{t('optionsRotationInterval')}</label>
            <input
              id="rotation-interval"
              type="number"
              inputMode="numeric"
              min={ROTATION_INTERVAL_DAYS.min}
              max={ROTATION_INTERVAL_DAYS.max}
              step={1}
              value={policy.rotationIntervalDays ?? intervalText}
              readOnly={!!intervalLocked}
              aria-describedby={`rotation-interval-help${intervalLocked ? ' rotation-interval-policy' : ''}`}
              aria-invalid={notice?.tone === 'error' && intervalText !== String(settings.rotationIntervalDays)}
              onInput={(event) => onInterval(event.currentTarget.value)}
            />
            <p class="help" id="rotation-interval-help">
              {t('optionsRotationIntervalHelp', ROTATION_INTERVAL_DAYS.max)}
            </p>
            <PolicyNote id="rotation-interval-policy" text={intervalLocked} note={note} />
          </div>
        </fieldset>
      </form>
      {props.record}
      <p class={`notice ${notice?.tone ?? ''}`} role="status" aria-live="polite">
        {notice?.text}
      </p>
    </main>
  );
}
