import type { EventLog } from '@/lib/limits/event-log';
import { MemoryEventLog } from '@/lib/limits/memory-event-log';
import { addressGroup } from '@/lib/net/ip-address';

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
// when it succeeds, so parallel guesses cannot slip past while their passwords are hashed. The events live
// in an event log: this process's memory, or the database every replica shares (sign-in-throttles.ts).

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

/** A failure as the per-user log keeps it. */
interface Failure {
  group: string;
  /** A first try from an address that had not failed for this user. */
  fresh: boolean;
}

const PAIRS = 'sign-in-pair';
const ADDRESSES = 'sign-in-address';
const USERS = 'sign-in-user';
const KNOWN_GOOD = 'sign-in-known-good';

export interface SignInAttempt {
  /** The password was right: the attempt was no failure, and this address is one the user signs in from. */
  succeeded(): Promise<void>;
  /** The password was never checked (the server was busy): the attempt does not count. */
  cancelled(): Promise<void>;
}

export class SignInThrottle {
  constructor(
    private readonly now: () => number = Date.now,
    private readonly events: EventLog = new MemoryEventLog(),
  ) {}

  /** Seconds until an attempt for this username from this address is allowed; 0 when it is allowed now. */
  async retryAfterSeconds(username: string, address: string): Promise<number> {
    return Math.ceil(
      (await this.waitMs(this.events, keyOf(username), addressGroup(address), this.now())) / 1000,
    );
  }

  /** Starts an attempt, counted as a failure until it succeeds; null while it must wait. */
  async begin(username: string, address: string): Promise<SignInAttempt | null> {
    const user = keyOf(username);
    const group = addressGroup(address);
    const pairKey = `${user}\n${group}`;
    // The check and the failure it adds are one step per user and per address, in every replica.
    const added = await this.events.exclusive([`user\n${user}`, `address\n${group}`], async (log) => {
      const now = this.now();
      if ((await this.waitMs(log, user, group, now)) > 0) return null;
      const seen = (await log.recent<Failure>(USERS, user, now, USER_WINDOW_MS)).some(
        (f) => f.data.group === group,
      );
      const failure: Failure = { group, fresh: !seen && !(await this.isKnownGood(log, pairKey, now)) };
      return Promise.all([
        log.add(PAIRS, pairKey, now, SHORT_WINDOW_MS),
        log.add(ADDRESSES, group, now, SHORT_WINDOW_MS),
        log.add(USERS, user, now, USER_WINDOW_MS, failure),
      ]);
    });
    if (!added) return null;
    const [pairRef, addressRef, userRef] = added;
    const takeBack = async () => {
      await Promise.all([
        this.events.remove(PAIRS, pairKey, pairRef),
        this.events.remove(ADDRESSES, group, addressRef),
        this.events.remove(USERS, user, userRef),
      ]);
    };
    return {
      succeeded: async () => {
        await takeBack();
        await this.events.clear(PAIRS, pairKey);
        await this.events.add(KNOWN_GOOD, pairKey, this.now(), KNOWN_GOOD_MS);
      },
      cancelled: takeBack,
    };
  }

  private async isKnownGood(log: EventLog, pairKey: string, now: number): Promise<boolean> {
    return (await log.nthNewest(KNOWN_GOOD, pairKey, now, KNOWN_GOOD_MS, 1)) !== null;
  }

  private async waitMs(log: EventLog, user: string, group: string, now: number): Promise<number> {
    const overLimit = async (name: string, key: string, limit: number) => {
      const nth = await log.nthNewest(name, key, now, SHORT_WINDOW_MS, limit);
      return nth === null ? 0 : nth + SHORT_WINDOW_MS - now;
    };
    return Math.max(
      0,
      await overLimit(PAIRS, `${user}\n${group}`, PAIR_LIMIT),
      await overLimit(ADDRESSES, group, ADDRESS_LIMIT),
      await this.userDelayMs(log, user, group, now),
    );
  }

  private async userDelayMs(log: EventLog, user: string, group: string, now: number): Promise<number> {
    if (await this.isKnownGood(log, `${user}\n${group}`, now)) return 0;
    const failures = await log.recent<Failure>(USERS, user, now, USER_WINDOW_MS);
    const failedHere = failures.some((f) => f.data.group === group);
    if (!failedHere && failures.filter((f) => f.data.fresh).length < USER_FRESH) return 0;
    if (failures.length < USER_FREE) return 0;
    const delay = Math.min(DELAY_BASE_MS * 2 ** (failures.length - USER_FREE), DELAY_CAP_MS);
    return failures[failures.length - 1]!.at + delay - now;
  }
}

function keyOf(username: string): string {
  return username.trim().toLowerCase();
}
