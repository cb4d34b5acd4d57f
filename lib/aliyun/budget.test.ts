import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS_MIGRATIONS, type LimitsDatabase } from '@/lib/limits/migrations';
import { SqlEventLog } from '@/lib/limits/sql-event-log';
import { DIALECTS, freshDb } from '@/lib/testing/storage-dialects';
import { inBackground, UpstreamBudget } from './budget';

// The budget's promises, on a fake clock: never more than maxQps starts in a rolling second, never more
// than burst in flight, first come first served, and throttling slows everyone.

function startTimes(budget: UpstreamBudget, calls: number, holdMs = 10): number[] {
  const starts: number[] = [];
  for (let i = 0; i < calls; i++) {
    void budget.run(async () => {
      starts.push(Date.now());
      await new Promise((r) => setTimeout(r, holdMs));
    });
  }
  return starts;
}

function maxInAnySecond(times: number[]): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + 1_000).length));
}

describe('UpstreamBudget', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets a burst go at once, then keeps to maxQps in any rolling second', async () => {
    const budget = new UpstreamBudget({ maxQps: 5, burst: 5 });
    const starts = startTimes(budget, 23);
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(starts).toHaveLength(23);
    expect(maxInAnySecond(starts)).toBeLessThanOrEqual(5);
  });

  it('starts background work only when no one else is waiting', async () => {
    const budget = new UpstreamBudget({ maxQps: 2, burst: 2 });
    const order: string[] = [];
    const call = (name: string) =>
      budget.run(async () => {
        order.push(name);
        await new Promise((r) => setTimeout(r, 10));
      });
    // Six background calls queue first; two listings come after them.
    void inBackground(async () => {
      await Promise.all(['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].map(call));
    });
    await vi.advanceTimersByTimeAsync(0);
    void call('p1');
    void call('p2');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(order).toEqual(['b1', 'b2', 'p1', 'p2', 'b3', 'b4', 'b5', 'b6']);
  });

  it('holds no more than burst calls in flight', async () => {
    const budget = new UpstreamBudget({ maxQps: 100, burst: 3 });
    let inFlight = 0;
    let peak = 0;
    for (let i = 0; i < 20; i++) {
      void budget.run(async () => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 50));
        inFlight--;
      });
    }
    await vi.advanceTimersByTimeAsync(5_000);
    expect(peak).toBe(3);
    expect(budget.snapshot().callsLastMinute).toBe(20);
  });

  it('pauses everyone and halves the rate on throttling, then earns the rate back', async () => {
    const budget = new UpstreamBudget({ maxQps: 8, burst: 8 });
    budget.throttled();
    expect(budget.snapshot().currentQps).toBe(4);
    expect(budget.snapshot().pausedUntil).not.toBeNull();
    const starts = startTimes(budget, 4);
    await vi.advanceTimersByTimeAsync(900);
    expect(starts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(starts).toHaveLength(4);
    for (let i = 0; i < 40; i++) budget.succeeded();
    expect(budget.snapshot().currentQps).toBe(8);
  });
});

// Two replicas' budgets over one database, on the real clock: together they keep to maxQps.
describe.each(DIALECTS)('UpstreamBudget shared by two replicas on %s', (dialect) => {
  let db: Kysely<LimitsDatabase>;
  beforeAll(async () => {
    db = await freshDb<LimitsDatabase>(dialect, LIMITS_MIGRATIONS, 'kysely_migration_limits');
  });
  afterAll(() => db.destroy());

  it('never starts more than maxQps calls in any second between them', async () => {
    const replicas = [0, 1].map(
      () => new UpstreamBudget({ maxQps: 3, burst: 3, shared: new SqlEventLog(db) }),
    );
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        replicas[i % 2]!.run(async () => {
          starts.push(Date.now());
        }),
      ),
    );
    expect(starts).toHaveLength(10);
    expect(maxInAnySecond(starts)).toBeLessThanOrEqual(3);
  });

  it('pauses a replica that was not throttled when another was', async () => {
    const [a, b] = [0, 1].map(() => new UpstreamBudget({ maxQps: 8, burst: 8, shared: new SqlEventLog(db) }));
    a!.throttled();
    await vi.waitFor(async () =>
      expect((await new SqlEventLog(db).recent('upstream-pauses', 'all', Date.now(), 30_000)).length).toBe(1),
    );
    const asked = Date.now();
    let started = 0;
    await b!.run(async () => {
      started = Date.now();
    });
    expect(started - asked).toBeGreaterThanOrEqual(900);
  });
});
