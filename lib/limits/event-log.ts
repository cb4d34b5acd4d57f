// Timed events per key, kept as long as a rule looks back: what the sign-in throttle, the API rate limits
// and the upstream budget count. In memory for one process (memory-event-log.ts), or in the shared
// database for every replica (sql-event-log.ts), with the same semantics.

export interface LoggedEvent<D = undefined> {
  at: number;
  data: D;
  /** Names this event to remove(). */
  ref: unknown;
}

export interface EventLog {
  /**
   * Runs `fn` while no other `exclusive` call with any of `keys` runs, in any replica: a check and the
   * event it adds cannot be split by a parallel request. `fn` uses the log it is given.
   */
  exclusive<T>(keys: readonly string[], fn: (log: EventLog) => Promise<T>): Promise<T>;
  /** Events of `key` in `log` newer than `now - windowMs`, oldest first. */
  recent<D = undefined>(log: string, key: string, now: number, windowMs: number): Promise<LoggedEvent<D>[]>;
  /** The time of the `n`-th newest event newer than `now - windowMs` (n = 1: the newest); null when fewer. */
  nthNewest(log: string, key: string, now: number, windowMs: number, n: number): Promise<number | null>;
  /** Adds an event, kept for `keepMs` (the longest window it is read with). */
  add<D>(log: string, key: string, at: number, keepMs: number, data?: D): Promise<unknown>;
  remove(log: string, key: string, ref: unknown): Promise<void>;
  clear(log: string, key: string): Promise<void>;
}

/**
 * A sliding-window limit: records an event and returns 0 when fewer than `limit` happened within
 * `windowMs`; otherwise records nothing and returns the milliseconds until one leaves the window.
 */
export function takeSlot(
  events: EventLog,
  log: string,
  key: string,
  limit: number,
  windowMs: number,
  now: number,
): Promise<number> {
  return events.exclusive([`${log}\n${key}`], async (tx) => {
    const nth = await tx.nthNewest(log, key, now, windowMs, limit);
    if (nth !== null) return Math.max(1, nth + windowMs - now);
    await tx.add(log, key, now, windowMs);
    return 0;
  });
}
