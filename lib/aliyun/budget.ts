// One budget for every call to Alibaba Cloud, whoever makes it (a page view, a sync, the warmer, a
// download link): at most `maxQps` calls start in any rolling second and at most `burst` are in flight.
// Waiters are served first come, first served. A throttling answer slows the whole budget, not only the
// call that got it: the rate halves and nothing starts until a pause has passed; each success earns a
// little rate back (additive increase, multiplicative decrease, as TCP does). Replicas sharing a database
// also take each start from a window they share, and share the pause: the budget holds deployment-wide.

import { AsyncLocalStorage } from 'node:async_hooks';
import { takeSlot, type EventLog } from '@/lib/limits/event-log';

export interface BudgetOptions {
  maxQps: number;
  burst: number;
  now?: () => number;
  /** The event log every replica shares (PostgreSQL): each start also takes a place in its window. */
  shared?: EventLog;
}

export interface BudgetSnapshot {
  maxQps: number;
  burst: number;
  /** The rate in force now: below maxQps after throttling, climbing back with each success. */
  currentQps: number;
  inFlight: number;
  queued: number;
  callsLastMinute: number;
  throttledLastMinute: number;
  pausedUntil: string | null;
}

// More than a second, so calls that a busy event loop or the network delay unevenly still arrive at most
// maxQps in any second.
const WINDOW_MS = 1_500;
const MIN_PAUSE_MS = 1_000;
const MAX_PAUSE_MS = 30_000;
const STARTS = 'upstream-starts';
const PAUSES = 'upstream-pauses';

/** Calls made inside `inBackground` wait until no one else's call is waiting. */
const background = new AsyncLocalStorage<true>();

/**
 * Runs `work` as background work: its upstream calls start only when no call for a person is waiting, so a
 * refresh of every instance's policy never holds back someone's listing.
 */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class UpstreamBudget {
  private readonly now: () => number;
  private started: number[] = [];
  private lastMinute: number[] = [];
  private throttles: number[] = [];
  private inFlight = 0;
  private readonly queue: Array<() => void> = [];
  /** Background work's waiters: served when `queue` is empty. */
  private readonly later: Array<() => void> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private rate: number;
  private pausedUntil = 0;
  private pauseMs = 0;

  constructor(private readonly opts: BudgetOptions) {
    this.now = opts.now ?? Date.now;
    this.rate = opts.maxQps;
  }

  /** Runs `call` once the budget allows; the slot is held until it settles. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      await this.deploymentSlot();
      return await call();
    } finally {
      this.release();
    }
  }

  acquire(): Promise<void> {
    return new Promise((resolve) => {
      (background.getStore() ? this.later : this.queue).push(resolve);
      this.pump();
    });
  }

  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.pump();
  }

  /** Alibaba Cloud said Throttling.*: halve the rate and pause everyone. */
  throttled(): void {
    const now = this.now();
    this.throttles.push(now);
    this.rate = Math.max(1, Math.floor(this.rate / 2));
    this.pauseMs = Math.min(MAX_PAUSE_MS, Math.max(MIN_PAUSE_MS, this.pauseMs * 2));
    this.pausedUntil = Math.max(this.pausedUntil, now + this.pauseMs);
    this.opts.shared
      ?.add(PAUSES, 'all', now, MAX_PAUSE_MS, this.pausedUntil)
      .catch((err: unknown) =>
        console.error('[budget] the pause could not be shared:', (err as Error).message),
      );
  }

  /** Waits for a place in the window every replica shares, and out any pause another replica was told. */
  private async deploymentSlot(): Promise<void> {
    const shared = this.opts.shared;
    if (!shared) return;
    for (;;) {
      const now = this.now();
      const pauses = await shared.recent<number>(PAUSES, 'all', now, MAX_PAUSE_MS);
      const pausedFor = Math.max(0, ...pauses.map((p) => p.data)) - now;
      const wait =
        pausedFor > 0
          ? pausedFor
          : await takeSlot(shared, STARTS, 'all', Math.floor(this.rate), WINDOW_MS, now);
      if (wait === 0) return;
      await sleep(wait);
    }
  }

  /** Waiting out a throttling pause: nothing starts until it has passed. */
  isPaused(): boolean {
    return this.now() < this.pausedUntil;
  }

  /** A call went through: earn back rate, and forget the pause length once at full rate. */
  succeeded(): void {
    if (this.rate < this.opts.maxQps) this.rate = Math.min(this.opts.maxQps, this.rate + 1 / this.rate);
    else this.pauseMs = 0;
  }

  snapshot(): BudgetSnapshot {
    const now = this.now();
    this.lastMinute = this.lastMinute.filter((t) => now - t < 60_000);
    this.throttles = this.throttles.filter((t) => now - t < 60_000);
    return {
      maxQps: this.opts.maxQps,
      burst: this.opts.burst,
      currentQps: Math.floor(this.rate),
      inFlight: this.inFlight,
      queued: this.queue.length + this.later.length,
      callsLastMinute: this.lastMinute.length,
      throttledLastMinute: this.throttles.length,
      pausedUntil: this.pausedUntil > now ? new Date(this.pausedUntil).toISOString() : null,
    };
  }

  /** How long the next call must wait: 0 = now, null = until a call in flight settles. */
  private waitMs(now: number): number | null {
    if (now < this.pausedUntil) return this.pausedUntil - now;
    while (this.started.length > 0 && now - this.started[0]! >= WINDOW_MS) this.started.shift();
    if (this.started.length >= Math.floor(this.rate)) return this.started[0]! + WINDOW_MS - now;
    return this.inFlight >= this.opts.burst ? null : 0;
  }

  private pump(): void {
    while (this.queue.length > 0 || this.later.length > 0) {
      const now = this.now();
      const wait = this.waitMs(now);
      if (wait === null) return; // release() pumps again
      if (wait > 0) {
        if (!this.timer) {
          this.timer = setTimeout(() => {
            this.timer = null;
            this.pump();
          }, wait);
          this.timer.unref?.();
        }
        return;
      }
      this.started.push(now);
      this.lastMinute.push(now);
      if (this.lastMinute.length > 10_000) this.lastMinute = this.lastMinute.filter((t) => now - t < 60_000);
      this.inFlight += 1;
      (this.queue.shift() ?? this.later.shift()!)();
    }
  }
}
