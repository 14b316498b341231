// Options section for user-defined token sources: describe a SaaS admin page (address, the page's path, its
// generate button, where the token and the SCIM URL appear), grant SCIM Relay that one origin at that moment, and
// remove it again. No secrets are stored.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { MAX_CUSTOM_SOURCES, matchPatternFor, needsPath, slugFor, type CustomSource, type CustomSourcesSettings, type PlaceSpec } from '../utils/custom-sources/sources';
import { CustomSourceSchema } from '../utils/custom-sources/schema';
import type { CustomSourcesClient } from '../utils/custom-sources/store';

type Draft = {
  label: string;
  origin: string;
  path: string;
  generate: string;
  tokenBy: PlaceSpec['by'];
  token: string;
  urlBy: PlaceSpec['by'];
  url: string;
  appName: string;
};
const EMPTY: Draft = { label: '', origin: '', path: '', generate: '', tokenBy: 'label', token: '', urlBy: 'label', url: '', appName: '' };

const place = (by: PlaceSpec['by'], value: string): PlaceSpec => (by === 'label' ? { by, text: value } : { by, selector: value });

/** A selector the browser cannot parse would silently find nothing on the page: say so now. */
function selectorProblem(spec: PlaceSpec): string | undefined {
  if (spec.by !== 'css') return undefined;
  try {
    document.createDocumentFragment().querySelector(spec.selector);
    return undefined;
  } catch {
    return t('csSelectorInvalid', spec.selector);
  }
}

function describe(spec: PlaceSpec): string {
  return spec.by === 'label' ? t('csBeside', spec.text) : t('csAt', spec.selector);
}

/** Which page of the origin counts, and after which click: what a person checks a source by. */
function describePage(source: CustomSource): string {
  return [source.path && t('csSourcePage', source.path), source.generate && t('csSourceButton', source.generate)].filter(Boolean).join(', ');
}

function PlaceInput(props: { id: string; legend: string; by: PlaceSpec['by']; value: string; onChange: (by: PlaceSpec['by'], value: string) => void }) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <label>
        <input type="radio" name={`${props.id}-by`} checked={props.by === 'label'} onChange={() => props.onChange('label', props.value)} /> {t('csByCaption')}
      </label>{' '}
      <label>
        <input type="radio" name={`${props.id}-by`} checked={props.by === 'css'} onChange={() => props.onChange('css', props.value)} /> {t('csByCss')}
      </label>
      <label for={props.id}>{t(props.by === 'label' ? 'csCaptionText' : 'csCssSelector')}</label>
      <input id={props.id} type="text" value={props.value} onInput={(e) => props.onChange(props.by, e.currentTarget.value)} />
    </fieldset>
  );
}

export function CustomSourcesSection(props: { client: CustomSourcesClient }) {
  const [settings, setSettings] = useState<CustomSourcesSettings>();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string }>();
  useEffect(() => {
    void props.client.load().then(setSettings);
  }, [props.client]);
  if (!settings) return <section aria-label={t('csTitle')}><p role="status">{t('loading')}</p></section>;

  const add = (event: Event) => {
    event.preventDefault();
    const parsed = CustomSourceSchema.safeParse({
      slug: slugFor(draft.label),
      label: draft.label,
      origin: draft.origin.trim().replace(/\/$/, ''),
      path: draft.path,
      ...(draft.generate.trim() ? { generate: draft.generate } : {}),
      token: place(draft.tokenBy, draft.token),
      scimUrl: place(draft.urlBy, draft.url),
      ...(draft.appName.trim() ? { appName: draft.appName } : {}),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return setMessage({ tone: 'error', text: t('csNotAdded', `${issue.path.join(' › ') || t('csEntry')}: ${issue.message}`) });
    }
    const source = parsed.data;
    const problem = selectorProblem(source.token) ?? selectorProblem(source.scimUrl);
    if (problem) return setMessage({ tone: 'error', text: t('csNotAdded', problem) });
    if (settings.sources.some((s) => s.slug === source.slug || s.origin === source.origin)) {
      return setMessage({ tone: 'error', text: t('csNotAdded', t('csExists', source.label, source.origin)) });
    }
    if (settings.sources.length >= MAX_CUSTOM_SOURCES) return setMessage({ tone: 'error', text: t('csNotAdded', t('csTooMany', MAX_CUSTOM_SOURCES)) });
    // The permission request comes first, synchronously inside the click: later it would no longer count as one.
    void props.client.requestOrigin(matchPatternFor(source)).then(async (granted) => {
      if (!granted) {
        return setMessage({ tone: 'error', text: t('csNotAdded', t('csNotGranted', source.origin)) });
      }
      const next = { ...settings, sources: [...settings.sources, source] };
      await props.client.save(next);
      setSettings(next);
      setDraft(EMPTY);
      setMessage({ tone: 'success', text: t('csAdded', source.label, source.origin) });
    });
  };

  const remove = async (source: CustomSource) => {
    const next = { ...settings, sources: settings.sources.filter((s) => s.slug !== source.slug) };
    await props.client.save(next);
    await props.client.releaseOrigin(matchPatternFor(source));
    setSettings(next);
    setMessage({ tone: 'success', text: t('csRemoved', source.label, source.origin) });
  };

  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  return (
    <section aria-labelledby="custom-sources-heading">
      <h2 id="custom-sources-heading">{t('csTitle')}</h2>
      <p>{t('csIntro')}</p>
      {settings.sources.length > 0 && (
        <ul aria-label={t('csYourSources')}>
          {settings.sources.map((source) => (
            <li data-source={source.slug}>
              <strong>{source.label}</strong> {t('csSourceLine', source.origin, describe(source.token), describe(source.scimUrl))}
              {source.path && `; ${describePage(source)}`}{' '}
              <button type="button" onClick={() => void remove(source)}>{t('csRemove', source.label)}</button>
              {needsPath(source) && (
                <p role="status" class="warning">
                  {t('csNeedsPath', source.label)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} aria-label={t('csAddForm')}>
        <label for="cs-label">{t('csProductName')}</label>
        <input id="cs-label" type="text" value={draft.label} onInput={(e) => set({ label: e.currentTarget.value })} />
        <label for="cs-origin">{t('csOrigin')}</label>
        <input id="cs-origin" type="url" placeholder="https://admin.example.com" value={draft.origin} onInput={(e) => set({ origin: e.currentTarget.value })} />
        <label for="cs-path">{t('csPath')}</label>
        <input id="cs-path" type="text" placeholder="/admin/scim" value={draft.path} onInput={(e) => set({ path: e.currentTarget.value })} />
        <label for="cs-generate">{t('csGenerate')}</label>
        <input id="cs-generate" type="text" value={draft.generate} onInput={(e) => set({ generate: e.currentTarget.value })} />
        <PlaceInput id="cs-token" legend={t('csTokenWhere')} by={draft.tokenBy} value={draft.token} onChange={(tokenBy, token) => set({ tokenBy, token })} />
        <PlaceInput id="cs-url" legend={t('csUrlWhere')} by={draft.urlBy} value={draft.url} onChange={(urlBy, url) => set({ urlBy, url })} />
        <label for="cs-app">{t('csAppName')}</label>
        <input id="cs-app" type="text" value={draft.appName} onInput={(e) => set({ appName: e.currentTarget.value })} />
        <button type="submit">{t('csAddButton')}</button>
      </form>
      {message && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} class={message.tone}>
          {message.text}
        </p>
      )}
    </section>
  );
}
