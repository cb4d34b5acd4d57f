import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter } from '@/lib/api/server/rate-limiter';
import { migrate } from '@/lib/db/migrate';
import { DIALECTS, freshDb } from '@/lib/testing/storage-dialects';
import { takeSlot } from './event-log';
import { MemoryEventLog } from './memory-event-log';
import { LIMITS_MIGRATIONS, type LimitsDatabase } from './migrations';
import { SqlEventLog } from './sql-event-log';

// The shared event log behaves as the in-memory one does, and two replicas over one database count together.

describe.each(DIALECTS)('SqlEventLog on %s', (dialect) => {
  let db: Kysely<LimitsDatabase>;
  beforeAll(async () => {
    db = await freshDb<LimitsDatabase>(dialect, LIMITS_MIGRATIONS, 'kysely_migration_limits');
    // Migrating again is a no-op (every replica does it at start).
    await migrate(db, LIMITS_MIGRATIONS, 'kysely_migration_limits');
  });
  afterAll(() => db.destroy());

  it.each([
    ['memory', () => new MemoryEventLog()],
    ['sql', () => new SqlEventLog(db)],
  ] as const)('keeps, reads, removes and clears events like the %s log', async (_name, make) => {
    const log = make();
    const ref = await log.add('l', 'k', 1_000, 10_000, { fresh: true });
    await log.add('l', 'k', 2_000, 10_000);
    await log.add('l', 'other', 2_000, 10_000);
    expect((await log.recent('l', 'k', 5_000, 10_000)).map((e) => [e.at, e.data])).toEqual([
      [1_000, { fresh: true }],
      [2_000, undefined],
    ]);
    expect(await log.nthNewest('l', 'k', 5_000, 10_000, 2)).toBe(1_000);
    expect(await log.nthNewest('l', 'k', 5_000, 10_000, 3)).toBeNull();
    expect(await log.recent('l', 'k', 11_500, 10_000)).toHaveLength(1);
    await log.remove('l', 'k', ref);
    expect((await log.recent('l', 'k', 5_000, 10_000)).map((e) => e.at)).toEqual([2_000]);
    await log.clear('l', 'k');
    expect(await log.recent('l', 'k', 5_000, 10_000)).toEqual([]);
    expect(await log.recent('l', 'other', 5_000, 10_000)).toHaveLength(1);
  });

  it('lets exactly `limit` of many parallel takes through, across two replicas', async () => {
    const [a, b] = [new SqlEventLog(db), new SqlEventLog(db)];
    const waits = await Promise.all(
      Array.from({ length: 12 }, (_, i) => takeSlot(i % 2 ? a : b, 'budget', 'calls', 5, 1_500, 50_000)),
    );
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
    expect(Math.min(...waits.filter((w) => w > 0))).toBe(1_500);
  });

  it('shares an API rate limit between replicas, with the in-memory answers', async () => {
    let now = 100_000;
    const [a, b] = [
      new RateLimiter(3, { now: () => now, events: new SqlEventLog(db) }),
      new RateLimiter(3, { now: () => now, events: new SqlEventLog(db) }),
    ];
    const takes = [await a.take('ann'), await b.take('ann'), await a.take('ann'), await b.take('ann')];
    expect(takes).toEqual([0, 0, 0, 60]);
    expect(await b.take('bob')).toBe(0);
    now += 60_001;
    expect(await b.take('ann')).toBe(0);
  });

  it('deletes events once no window reads them', async () => {
    const log = new SqlEventLog(db);
    await log.add('old', 'k', 0, 1_000);
    await log.add('new', 'k', 10_000_000, 1_000);
    const left = await db
      .selectFrom('limit_events')
      .select('log')
      .where('log', 'in', ['old', 'new'])
      .execute();
    expect(left.map((r) => r.log)).toEqual(['new']);
  });
});
