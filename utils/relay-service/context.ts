// What every handler of the service shares: the platform, one lock so transitions run one at a time, the state as
// last committed, and commit (persist to storage.session, refresh the badge, carry out the effects).
import { badgeFor, expireIfDue, INITIAL_STATE, noteChanges, RelayState, type Transition } from '../relay';
import { carryOut } from './effects';
import type { RelayPlatform } from './platform';
import type { Rejection } from './senders';

export type ServiceContext = ReturnType<typeof createServiceContext>;

export function createServiceContext(platform: RelayPlatform) {
  let lock: Promise<unknown> = Promise.resolve();

  /** One transition at a time: messages arrive concurrently, the state is read-modify-write. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = lock.then(fn);
    lock = next.catch(() => undefined);
    return next;
  }

  /** The state as last loaded or saved: transitions run one at a time, so it is what the next commit changes. */
  let previous: RelayState = INITIAL_STATE;

  async function load(): Promise<RelayState> {
    const parsed = RelayState.safeParse(await platform.loadState());
    previous = parsed.success ? parsed.data : INITIAL_STATE;
    return previous;
  }

  async function commit<R>(transition: Transition<R>): Promise<R> {
    const now = platform.now();
    const state = noteChanges(previous, transition.state, now);
    await platform.saveState(state);
    previous = state;
    const badge = badgeFor(state, now);
    await platform.setBadge(badge.text, badge.color);
    for (const effect of transition.effects) await carryOut(platform, effect, now);
    return transition.reply;
  }

  /** The stored state with an overdue token already expired (and that expiry committed). */
  async function loadCurrent(now: number): Promise<RelayState> {
    const loaded = expireIfDue(await load(), now);
    if (loaded.effects.length) await commit(loaded);
    return loaded.state;
  }

  function reject(reason: Rejection): undefined {
    platform.log('rejected', { reason });
    return undefined;
  }

  return { platform, serial, load, commit, loadCurrent, reject };
}
