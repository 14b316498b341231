// Carrying out what a transition asks for: tab messages, notifications, the expiry and badge alarms, and the
// tenant pairing the relay has just made.
import { parsePairings, rememberPair, storedPairings } from '../pairing';
import type { Effect } from '../relay';
import type { RelayPlatform } from './platform';

const EXPIRY_ALARM = 'relay-expiry';
const BADGE_ALARM = 'relay-badge';

export async function carryOut(platform: RelayPlatform, effect: Effect, now: number): Promise<void> {
  switch (effect.kind) {
    case 'send-tab':
      // The tab may be gone or have no listener any more; that is not an error for the relay.
      await platform.sendTab(effect.tabId, effect.message).catch(() => undefined);
      break;
    case 'notify':
      await platform.notify(effect.title, effect.message);
      break;
    case 'schedule-expiry':
      await platform.setAlarm(EXPIRY_ALARM, effect.at);
      // The badge counts down the minutes left: refresh it each minute while a token is held.
      await platform.setAlarm(BADGE_ALARM, now + 60_000, 1);
      break;
    case 'clear-expiry':
      await platform.clearAlarm(EXPIRY_ALARM);
      await platform.clearAlarm(BADGE_ALARM);
      break;
    case 'remember-pair':
      await platform.savePairings(storedPairings(rememberPair(parsePairings(await platform.loadPairings()), effect.source, effect.idp, now)));
      break;
  }
}
