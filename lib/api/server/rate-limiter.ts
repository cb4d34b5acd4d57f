import type { EventLog } from '@/lib/limits/event-log';
import { takeSlot } from '@/lib/limits/event-log';
import { MemoryEventLog } from '@/lib/limits/memory-event-log';

// API rate limit per key (user, or address for anonymous calls): a sliding one-minute window of request
// times, counted in an event log (this process's memory, bounded in keys, or the one replicas share).

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly now: () => number;
  private readonly events: EventLog;
  private readonly log: string;

  constructor(
    private readonly perMinute: number,
    {
      now = Date.now,
      events = new MemoryEventLog(),
      name = 'api',
    }: { now?: () => number; events?: EventLog; name?: string } = {},
  ) {
    this.now = now;
    this.events = events;
    this.log = `rate-${name}`;
  }

  /** Records a request; returns seconds to wait when it is over the limit, else 0. */
  async take(key: string): Promise<number> {
    const waitMs = await takeSlot(this.events, this.log, key, this.perMinute, WINDOW_MS, this.now());
    return waitMs === 0 ? 0 : Math.max(1, Math.ceil(waitMs / 1000));
  }
}
