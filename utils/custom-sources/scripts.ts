// Keeps the registered content scripts equal to the user-defined sources whose origins the user granted: one
// script per source, on that origin only. Run on start, when the sources change and when permissions change.
import { CUSTOM_SCRIPT_FILE, CUSTOM_SCRIPT_PREFIX, matchPatternFor, scriptIdFor, type CustomSource } from './sources';

/** A registration: at document_start, so the person's click on the generate button is seen from the first moment. */
export interface CustomScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_start';
}

export interface ScriptingApi {
  registeredIds(): Promise<string[]>;
  register(scripts: CustomScript[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
  granted(origins: string[]): Promise<boolean>;
}

/** Registers exactly the granted sources; returns the ids now registered. */
export async function syncCustomSourceScripts(sources: readonly CustomSource[], api: ScriptingApi): Promise<string[]> {
  const ours = (await api.registeredIds()).filter((id) => id.startsWith(CUSTOM_SCRIPT_PREFIX));
  if (ours.length) await api.unregister(ours);
  const wanted: CustomScript[] = [];
  for (const source of sources) {
    // Never ask here: only a click in the options page may request an origin; ungranted sources stay dormant.
    if (await api.granted([matchPatternFor(source)])) {
      wanted.push({ id: scriptIdFor(source), matches: [matchPatternFor(source)], js: [CUSTOM_SCRIPT_FILE], runAt: 'document_start' });
    }
  }
  if (wanted.length) await api.register(wanted);
  return wanted.map((script) => script.id);
}
