// Options entry: the Options component on the stored settings, with every site adapter as an on/off choice, and
// the user-defined token sources as its extra section.
import { render } from 'preact';
import { CustomSourcesSection } from '../../components/CustomSourcesSection';
import { Options, type SiteChoice } from '../../components/Options';
import { ADAPTERS } from '../../utils/adapters';
import { customSourcesClient } from '../../utils/custom-sources-store';
import { messagesLocale, t } from '../../utils/i18n';
import { loadSettings, saveSettings } from '../../utils/settings-store';

document.title = t('optionsTitle');
document.documentElement.lang = messagesLocale();
const sites: SiteChoice[] = ADAPTERS.map(({ id, label, role }) => ({ id, label, role }));

render(
  <Options client={{ load: loadSettings, save: saveSettings }} sites={sites}>
    <CustomSourcesSection client={customSourcesClient} />
  </Options>,
  document.getElementById('app')!,
);
