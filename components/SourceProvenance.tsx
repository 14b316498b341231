// Where the held token came from, in the popup: the host (as the browser reported it) and page title, when, the
// Base URL that will be filled, next to the fingerprint. A person checks these before trusting a hand-off.
import type { RelayView } from '../utils/relay';
import { t } from '../utils/i18n';

const clock = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function SourceProvenance(props: { view: RelayView }) {
  const { fingerprint, sourceOrigin, sourceTitle, capturedAt, scimUrl } = props.view;
  if (!fingerprint || !sourceOrigin || capturedAt === undefined) return null;
  return (
    <section class="provenance" aria-label={t('provenanceLabel')}>
      <p>{t('popupProvenance', fingerprint, new URL(sourceOrigin).host, clock(capturedAt))}</p>
      {sourceTitle && <p>{t('popupSourcePage', sourceTitle)}</p>}
      <p>{scimUrl ? t('popupBaseUrl', scimUrl) : t('popupNoBaseUrl')}</p>
    </section>
  );
}
