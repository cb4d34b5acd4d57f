import type { EventLog, LoggedEvent } from './event-log';
import { SlidingLog } from './sliding-log';

// The event log of one process: a bounded SlidingLog per log name (the least recently touched key goes
// first, so a spray of new keys cannot push out the one under attack).

type Entry = { at: number; data: unknown };

export class MemoryEventLog implements EventLog {
  private readonly logs = new Map<string, SlidingLog<Entry>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly maxKeys = 50_000) {}

  private of(log: string, windowMs: number): SlidingLog<Entry> {
    let l = this.logs.get(log);
    if (!l) this.logs.set(log, (l = new SlidingLog<Entry>(windowMs, this.maxKeys)));
    return l;
  }

  /** One at a time, whatever the keys: memory work is short, and this keeps parallel attempts in order. */
  exclusive<T>(_keys: readonly string[], fn: (log: EventLog) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => fn(this));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async recent<D>(log: string, key: string, now: number, windowMs: number): Promise<LoggedEvent<D>[]> {
    return this.of(log, windowMs)
      .recent(key, now)
      .map((e) => ({ at: e.at, data: e.data as D, ref: e }));
  }

  async nthNewest(
    log: string,
    key: string,
    now: number,
    windowMs: number,
    n: number,
  ): Promise<number | null> {
    const events = this.of(log, windowMs).recent(key, now);
    return events.length >= n ? events[events.length - n]!.at : null;
  }

  async add<D>(log: string, key: string, at: number, keepMs: number, data?: D): Promise<unknown> {
    const entry: Entry = { at, data };
    this.of(log, keepMs).add(key, entry, at);
    return entry;
  }

  async remove(log: string, key: string, ref: unknown): Promise<void> {
    this.logs.get(log)?.remove(key, ref as Entry);
  }

  async clear(log: string, key: string): Promise<void> {
    this.logs.get(log)?.clear(key);
  }

  /** Keys held, for tests of the memory bound. */
  size(): number {
    return [...this.logs.values()].reduce((n, l) => n + l.size, 0);
  }
}
