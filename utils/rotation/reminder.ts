// The rotation reminder: once a day the background looks for IdP orgs whose last saved token is as old as the
// interval (set by the user or the organisation; 0, the default, means never) and says so in a notification.
import { t } from '../i18n';
import { dueRotations, type RotationEntry } from './record';

export const ROTATION_ALARM = 'rotation-due';
export const ROTATION_CHECK_MINUTES = 24 * 60;

export interface RotationNotice {
  /** One per IdP org, so tomorrow's reminder replaces today's instead of piling up. */
  id: string;
  title: string;
  message: string;
}

export function rotationNotices(record: readonly RotationEntry[], intervalDays: number, now: number): RotationNotice[] {
  return dueRotations(record, intervalDays, now).map(({ entry, days }) => ({
    id: `${ROTATION_ALARM}:${entry.idpHost}`,
    title: t('rotationDueTitle'),
    message: t('rotationDueMessage', entry.app, entry.idpHost, days, intervalDays),
  }));
}
