import 'server-only';
import { lockForTransaction } from '@/lib/db/migrate';
import { overlaps, subtract, type Interval } from './coverage';
import type { IndexDb } from './db';

// Leases on syncing an interval of an instance, in the index database, so replicas sharing it sync each
// interval once. A holder renews its leases while it works and drops them when done; a holder that died
// stops renewing, and its leases are anyone's once they run out.

/** A lease nobody renews is free after this: a dead holder's sync is taken over within it (and a poll). */
export const LEASE_MS = 15_000;
export const RENEW_EVERY_MS = 5_000;
const MINUTE_MS = 60_000;

/**
 * DescribeBackups reads whole minutes, so a sync reaches to the end of its last minute: two replicas asked
 * for "up to now" a few milliseconds apart want the same fetch, not a second one for the sliver between.
 */
const toMinuteEnd = (i: Interval): Interval => ({
  start: i.start,
  end: Math.ceil(i.end / MINUTE_MS) * MINUTE_MS,
});

export interface Lease extends Interval {
  id: number;
  holder: string;
  expiresMs: number;
  fetched: number;
  total: number | null;
}

type Row = {
  id: number;
  start_ms: number;
  end_ms: number;
  holder: string;
  expires_ms: number;
  fetched: number;
  total: number | null;
};

const toLease = (r: Row): Lease => ({
  id: r.id,
  start: r.start_ms,
  end: r.end_ms,
  holder: r.holder,
  expiresMs: r.expires_ms,
  fetched: r.fetched,
  total: r.total,
});

const COLUMNS = ['id', 'start_ms', 'end_ms', 'holder', 'expires_ms', 'fetched', 'total'] as const;

/**
 * Takes every part of `want` that no live lease holds, in one transaction locked per instance: returns
 * the leases taken and the live leases of others that overlap `want` (to wait for).
 */
export async function claimLeases(
  db: IndexDb,
  instanceId: string,
  want: readonly Interval[],
  holder: string,
  now = Date.now(),
): Promise<{ mine: Lease[]; theirs: Lease[] }> {
  return db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, `sync:${instanceId}`);
    await trx
      .deleteFrom('sync_leases')
      .where('instance_id', '=', instanceId)
      .where('expires_ms', '<=', now)
      .execute();
    const live = (
      await trx.selectFrom('sync_leases').select(COLUMNS).where('instance_id', '=', instanceId).execute()
    ).map(toLease);
    const theirs = live.filter((l) => want.some((w) => overlaps(w, l)));
    const mine: Lease[] = [];
    for (const free of subtract(want.map(toMinuteEnd), live)) {
      const row = await trx
        .insertInto('sync_leases')
        .values({
          instance_id: instanceId,
          start_ms: free.start,
          end_ms: free.end,
          holder,
          expires_ms: now + LEASE_MS,
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      mine.push(toLease(row));
    }
    return { mine, theirs };
  });
}

/** Keeps leases alive, with the sync's progress for those who wait on it. */
export async function renewLeases(
  db: IndexDb,
  ids: readonly number[],
  progress: { fetched: number; total: number | null },
  now = Date.now(),
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('sync_leases')
    .set({ expires_ms: now + LEASE_MS, fetched: progress.fetched, total: progress.total })
    .where('id', 'in', ids)
    .execute();
}

export async function releaseLeases(db: IndexDb, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('sync_leases').where('id', 'in', ids).execute();
}

/** The leases of `ids` that still exist (live or run out but not yet taken over). */
export async function findLeases(db: IndexDb, ids: readonly number[]): Promise<Lease[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('sync_leases').select(COLUMNS).where('id', 'in', ids).execute()).map(toLease);
}

/** Every live lease: what the whole deployment is syncing now (the admin's index page). */
export async function liveLeases(db: IndexDb, now = Date.now()): Promise<(Lease & { instanceId: string })[]> {
  const rows = await db
    .selectFrom('sync_leases')
    .select([...COLUMNS, 'instance_id'])
    .where('expires_ms', '>', now)
    .execute();
  return rows.map((r) => ({ ...toLease(r), instanceId: r.instance_id }));
}
