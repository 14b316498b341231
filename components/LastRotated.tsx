// One line in the popup on an IdP page: when a token was last rotated (saved) for the IdP org in front, from the
// rotation record, so an admin sees at a glance whether this org is due.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { lastRotation, type RotationEntry } from '../utils/rotation/record';

export function LastRotated(props: { host: string; load: () => Promise<RotationEntry[]> }) {
  const [record, setRecord] = useState<RotationEntry[]>();
  useEffect(() => void props.load().then(setRecord, () => setRecord([])), [props.load]);
  if (!record) return null;
  const last = lastRotation(record, props.host);
  return (
    <p class="last-rotated" data-last-rotated={last ? new Date(last.at).toISOString() : 'none'}>
      {last ? t('lastRotated', props.host, new Date(last.at).toLocaleString(), last.fingerprint) : t('lastRotatedNone', props.host)}
    </p>
  );
}
