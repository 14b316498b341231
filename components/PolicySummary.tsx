// The top of the options page when IT manages SCIM Relay: that a policy applies, its note, the allow-lists of org
// hosts (which no single setting shows), and any value the extension could not read.
import { t } from '../utils/i18n';
import type { ReadPolicy } from '../utils/policy/managed';

export function PolicySummary(props: { read: ReadPolicy }) {
  const { policy, invalidKeys } = props.read;
  if (!Object.keys(policy).length && !invalidKeys.length) return null;
  const hosts = (list: string[]) => list.join(', ') || '—';
  return (
    <section class="policy" aria-labelledby="policy-heading" data-policy>
      <h2 id="policy-heading">{t('policyTitle')}</h2>
      <p>{t('policyIntro')}</p>
      {policy.organisationNote && <p>{t('policyNote', policy.organisationNote)}</p>}
      {policy.idpOrgHosts && <p data-policy-hosts="idp">{t('policyIdpHosts', hosts(policy.idpOrgHosts))}</p>}
      {policy.sourceOrgHosts && <p data-policy-hosts="source">{t('policySourceHosts', hosts(policy.sourceOrgHosts))}</p>}
      {invalidKeys.length > 0 && (
        <p class="error" role="alert">
          {t('policyInvalid', invalidKeys.join(', '))}
        </p>
      )}
    </section>
  );
}
