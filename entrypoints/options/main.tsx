// Options entry: the Options component on the stored settings and the organisation's policy, with every site
// adapter as an on/off choice, the user-defined token sources as its extra section, and the rotation record.
import { render } from 'preact';
import { CustomSourcesSection } from '../../components/CustomSourcesSection';
import { Options, type SiteChoice } from '../../components/Options';
import { RotationRecordSection, type RecordClient } from '../../components/RotationRecordSection';
import { ADAPTERS } from '../../utils/adapters';
import { customSourcesClient } from '../../utils/custom-sources/store';
import { messagesLocale, t } from '../../utils/i18n';
import { clearRecord, loadRecord, watchRecord } from '../../utils/rotation/store';
import { loadPolicy, loadUserSettings, saveSettings } from '../../utils/settings/store';

document.title = t('optionsTitle');
document.documentElement.lang = messagesLocale();
const sites: SiteChoice[] = ADAPTERS.map(({ id, label, role }) => ({ id, label, role }));
const recordClient: RecordClient = { load: loadRecord, clear: clearRecord, watch: watchRecord };

render(
  <Options
    client={{ load: async () => loadUserSettings((await loadPolicy()).policy), save: saveSettings, policy: loadPolicy }}
    sites={sites}
    record={<RotationRecordSection client={recordClient} />}
  >
    <CustomSourcesSection client={customSourcesClient} />
  </Options>,
  document.getElementById('app')!,
);
