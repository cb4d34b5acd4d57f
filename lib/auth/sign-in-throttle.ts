import { addressGroup } from '@/lib/net/ip-address';
import { processSingleton } from '@/lib/process-singleton';
import { SlidingLog } from './sliding-log';

// The sign-in throttle. Every rule answers "wait this long", none locks an account, and none slows a
// right password from an address that has not been failing for that user:
//   - one username from one address: 5 failures in 15 minutes, then that pair waits;
//   - one address, any usernames (a spray): 30 failures in 15 minutes, then that address waits;
//   - one username from every address: after 10 failures in an hour, each further guess waits
//     1 s, 2 s, 4 s … up to 5 minutes after the last one. Addresses the user signed in from before are
//     exempt, and so are addresses that have not failed for the user, until 20 such first tries have
//     failed in the hour: past that, many fresh addresses are an attack too.
// So an attacker gets a few dozen guesses an hour per account, however many addresses it has (an IPv6
// /64 is one address). An attempt counts as a failure from the moment it starts and is taken back only
// when it succeeds, so parallel guesses cannot slip past while their passwords are hashed. Pure and
// in-memory: one server process is one throttle (see README).

const MINUTE = 60_000;
const PAIR_LIMIT = 5;
const ADDRESS_LIMIT = 30;
const SHORT_WINDOW_MS = 15 * MINUTE;
const USER_WINDOW_MS = 60 * MINUTE;
const USER_FREE = 10;
const USER_FRESH = 20;
const DELAY_BASE_MS = 1_000;
const DELAY_CAP_MS = 5 * MINUTE;
const KNOWN_GOOD_MS = 30 * 24 * 60 * MINUTE;

interface Failure {
  at: number;
  group: string;
  /** A first try from an address that had not failed for this user. */
  fresh: boolean;
}

export interface SignInAttempt {
  /** The password was right: the attempt was no failure, and this address is one the user signs in from. */
  succeeded(): void;
  /** The password was never checked (the server was busy): the attempt does not count. */
  cancelled(): void;
}

export class SignInThrottle {
  private readonly pairs: SlidingLog;
  private readonly addresses: SlidingLog;
  private readonly users: SlidingLog<Failure>;
  private readonly knownGood: SlidingLog;

  constructor(
    private readonly now: () => number = Date.now,
    maxKeys = 50_000,
  ) {
    this.pairs = new SlidingLog(SHORT_WINDOW_MS, maxKeys);
    this.addresses = new SlidingLog(SHORT_WINDOW_MS, maxKeys);
    this.users = new SlidingLog<Failure>(USER_WINDOW_MS, maxKeys);
    this.knownGood = new SlidingLog(KNOWN_GOOD_MS, maxKeys);
  }

  /** Seconds until an attempt for this username from this address is allowed; 0 when it is allowed now. */
  retryAfterSeconds(username: string, address: string): number {
    return Math.ceil(this.waitMs(keyOf(username), addressGroup(address), this.now()) / 1000);
  }

  /** Starts an attempt, counted as a failure until it succeeds; null while it must wait. */
  begin(username: string, address: string): SignInAttempt | null {
    const user = keyOf(username);
    const group = addressGroup(address);
    const now = this.now();
    if (this.waitMs(user, group, now) > 0) return null;
    const pairKey = `${user}\n${group}`;
    const seen = this.users.recent(user, now).some((f) => f.group === group);
    const failure: Failure = { at: now, group, fresh: !seen && !this.isKnownGood(pairKey, now) };
    const mark = { at: now };
    this.pairs.add(pairKey, mark, now);
    this.addresses.add(group, mark, now);
    this.users.add(user, failure, now);
    const takeBack = () => {
      this.pairs.remove(pairKey, mark);
      this.addresses.remove(group, mark);
      this.users.remove(user, failure);
    };
    return {
      succeeded: () => {
        takeBack();
        this.pairs.clear(pairKey);
        this.knownGood.add(pairKey, { at: this.now() }, this.now());
      },
      cancelled: takeBack,
    };
  }

  /** Keys held, for tests of the memory bound. */
  size(): number {
    return this.pairs.size + this.addresses.size + this.users.size + this.knownGood.size;
  }

  private isKnownGood(pairKey: string, now: number): boolean {
    return this.knownGood.recent(pairKey, now).length > 0;
  }

  private waitMs(user: string, group: string, now: number): number {
    const overLimit = (events: { at: number }[], limit: number) =>
      events.length >= limit ? events[events.length - limit]!.at + SHORT_WINDOW_MS - now : 0;
    return Math.max(
      0,
      overLimit(this.pairs.recent(`${user}\n${group}`, now), PAIR_LIMIT),
      overLimit(this.addresses.recent(group, now), ADDRESS_LIMIT),
      this.userDelayMs(user, group, now),
    );
  }

  private userDelayMs(user: string, group: string, now: number): number {
    if (this.isKnownGood(`${user}\n${group}`, now)) return 0;
    const failures = this.users.recent(user, now);
    const failedHere = failures.some((f) => f.group === group);
    if (!failedHere && failures.filter((f) => f.fresh).length < USER_FRESH) return 0;
    if (failures.length < USER_FREE) return 0;
    const delay = Math.min(DELAY_BASE_MS * 2 ** (failures.length - USER_FREE), DELAY_CAP_MS);
    return failures[failures.length - 1]!.at + delay - now;
  }
}

function keyOf(username: string): string {
  return username.trim().toLowerCase();
}

/** The process-wide throttle the sign-in route and the credentials provider share. */
export function signInThrottle(): SignInThrottle {
  return processSingleton('sign-in-throttle', () => new SignInThrottle());
}
