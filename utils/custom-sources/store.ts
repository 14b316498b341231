// The browser side of the custom-sources settings, for the options page: storage.local and the permissions API.
import { browser } from 'wxt/browser';
import { CUSTOM_SOURCES_KEY, parseCustomSources, type CustomSourcesSettings } from './sources';

/** What the options page's section needs from the browser (a fake in tests). */
export interface CustomSourcesClient {
  load(): Promise<CustomSourcesSettings>;
  save(settings: CustomSourcesSettings): Promise<void>;
  /** Must be called from the click itself: browsers grant origins only during a user gesture. */
  requestOrigin(pattern: string): Promise<boolean>;
  releaseOrigin(pattern: string): Promise<void>;
}


export const customSourcesClient: CustomSourcesClient = {
  load: async () => parseCustomSources((await browser.storage.local.get(CUSTOM_SOURCES_KEY))[CUSTOM_SOURCES_KEY]),
  save: (settings) => browser.storage.local.set({ [CUSTOM_SOURCES_KEY]: settings }),
  requestOrigin: (pattern) => browser.permissions.request({ origins: [pattern] }),
  // Removing the source already stops its script (the background follows the stored list); giving the origin
  // back is tidy-up that may fail when another part of the manifest still needs it.
  releaseOrigin: async (pattern) => void (await browser.permissions.remove({ origins: [pattern] }).catch(() => false)),
};
