// Popup entry: connects the Popup component to the background for the active tab.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { messagesLocale } from '../../utils/i18n';
import { loadRecord } from '../../utils/rotation/store';
import { loadIdpHints } from '../../utils/idp-words';
import { loadPolicy, loadSettings, loadUserSettings, saveSettings } from '../../utils/settings/store';
import { Popup, type PopupClient } from '../../components/Popup';
import type { RelayView } from '../../utils/relay';
import type { UiToBackground } from '../../utils/protocol';

const send = (message: UiToBackground) => browser.runtime.sendMessage(message);

async function activeTabId(): Promise<number | undefined> {
  // Without the "tabs" permission the tab comes without its URL: the id is all we need.
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const client: PopupClient = {
  getState: async () => (await send({ type: 'ui/get-state', tabId: await activeTabId() })) as RelayView | undefined,
  forget: async () => void (await send({ type: 'ui/forget' })),
  save: async () => void (await send({ type: 'ui/save' })),
  fillHere: async () => {
    const tabId = await activeTabId();
    if (tabId !== undefined) await send({ type: 'ui/fill-here', tabId });
  },
  diagnostics: async () => {
    const text: unknown = await send({ type: 'ui/diagnostics' });
    return typeof text === 'string' ? text : undefined;
  },
  copyText: (text) => navigator.clipboard.writeText(text),
  guideOn: async () => (await loadSettings()).guideMode,
  // The user's own settings: what the organisation's policy lays over them is not theirs to store.
  setGuide: async (on) => void (await saveSettings({ ...(await loadUserSettings((await loadPolicy()).policy)), guideMode: on })),
  record: loadRecord,
  idpHints: () => loadIdpHints(),
};

document.documentElement.lang = messagesLocale();
render(<Popup client={client} />, document.getElementById('app')!);
