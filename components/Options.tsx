// The options page: token lifetime, what happens after a passing test, asking first, which sites SCIM Relay
// works on, and the guide. Every change is validated against the settings schema and saved at once.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { isSettings, TOKEN_LIFETIME_MINUTES, type Settings } from '../utils/settings';

export interface OptionsClient {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<boolean>;
}

export interface SiteChoice {
  id: string;
  label: string;
  role: 'source' | 'target';
}

type Notice = { tone: 'ok' | 'error'; text: string } | undefined;

function Toggle(props: { id: string; label: string; help: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div class="toggle">
      <input
        type="checkbox"
        id={props.id}
        checked={props.checked}
        aria-describedby={`${props.id}-help`}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
      <p class="help" id={`${props.id}-help`}>
        {props.help}
      </p>
    </div>
  );
}

/** `children` is the place for further sections (such as user-defined sources), shown between sites and the guide. */
export function Options(props: { client: OptionsClient; sites: readonly SiteChoice[]; children?: ComponentChildren }) {
  const [settings, setSettings] = useState<Settings>();
  const [lifetimeText, setLifetimeText] = useState('');
  const [notice, setNotice] = useState<Notice>();

  useEffect(() => {
    void props.client.load().then((loaded) => {
      setSettings(loaded);
      setLifetimeText(String(loaded.tokenLifetimeMinutes));
    });
  }, [props.client]);

  if (!settings) return <main class="options"><p role="status">{t('loading')}</p></main>;

  const update = async (next: Settings) => {
    const ok = isSettings(next) && (await props.client.save(next));
    if (ok) setSettings(next);
    setNotice(ok ? { tone: 'ok', text: t('optionsSaved') } : { tone: 'error', text: t('optionsNotSaved') });
  };

  const onLifetime = (text: string) => {
    setLifetimeText(text);
    const minutes = Number(text);
    if (Number.isInteger(minutes) && minutes >= TOKEN_LIFETIME_MINUTES.min && minutes <= TOKEN_LIFETIME_MINUTES.max) {
      void update({ ...settings, tokenLifetimeMinutes: minutes });
    } else {
      setNotice({ tone: 'error', text: t('optionsLifetimeInvalid', TOKEN_LIFETIME_MINUTES.min, TOKEN_LIFETIME_MINUTES.max) });
    }
  };

  const setSite = (id: string, on: boolean) => {
    const others = settings.disabledSites.filter((site) => site !== id);
    void update({ ...settings, disabledSites: on ? others : [...others, id] });
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <form onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>{t('optionsHandOff')}</legend>
          <div class="field">
            <label for="lifetime">{t('optionsLifetime')}</label>
            <input
              id="lifetime"
              type="number"
              inputMode="numeric"
              min={TOKEN_LIFETIME_MINUTES.min}
              max={TOKEN_LIFETIME_MINUTES.max}
              step={1}
              value={lifetimeText}
              aria-describedby="lifetime-help"
              aria-invalid={notice?.tone === 'error' && lifetimeText !== String(settings.tokenLifetimeMinutes)}
              onInput={(event) => onLifetime(event.currentTarget.value)}
            />
            <p class="help" id="lifetime-help">
              {t('optionsLifetimeHelp', TOKEN_LIFETIME_MINUTES.min, TOKEN_LIFETIME_MINUTES.max)}
            </p>
          </div>
          <Toggle
            id="auto-save"
            label={t('optionsAutoSave')}
            help={t('optionsAutoSaveHelp')}
            checked={settings.autoSave}
            onChange={(autoSave) => void update({ ...settings, autoSave })}
          />
          <Toggle
            id="ask-first"
            label={t('optionsAskFirst')}
            help={t('optionsAskFirstHelp')}
            checked={settings.askBeforeFill}
            onChange={(askBeforeFill) => void update({ ...settings, askBeforeFill })}
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
              checked={!settings.disabledSites.includes(site.id)}
              onChange={(on) => setSite(site.id, on)}
            />
          ))}
        </fieldset>
        {props.children}
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
      </form>
      <p class={`notice ${notice?.tone ?? ''}`} role="status" aria-live="polite">
        {notice?.text}
      </p>
    </main>
  );
}
