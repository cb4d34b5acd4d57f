import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KvstoreClient } from '@/lib/aliyun/client';
import type { BackupsPage, DescribeBackupsInput } from '@/lib/aliyun/types';
import { DIALECTS, freshDb } from '@/lib/testing/storage-dialects';
import { needs, type Interval, type Piece } from './coverage';
import { loadCoverage } from './store';
import { MIGRATIONS } from './migrations';
import type { IndexDatabase } from './schema';
import { SyncEngine } from './sync-engine';
import { claimLeases, LEASE_MS, liveLeases } from './sync-leases';

// Replicas sharing one index database (two engines here): an interval is fetched once however many ask
// for it, and a lease its holder stopped renewing is taken over.

const DAY = 86_400_000;
const INSTANCE = 'r-lease000000001';

/** DescribeBackups over `n` backups a day apart, counting calls; `gate` holds answers until opened. */
function fakeUpstream(n: number) {
  const now = Date.now();
  const all = Array.from({ length: n }, (_, i) => {
    const start = new Date(Math.floor((now - (i + 1) * DAY) / 60_000) * 60_000)
      .toISOString()
      .replace('.000', '');
    return {
      backupId: String(1_000_000 + i),
      backupJobId: String(500 + i),
      instanceId: INSTANCE,
      nodeInstanceId: INSTANCE,
      status: 'Success',
      type: 'FullBackup',
      mode: 'Automated',
      method: 'Physical',
      startTime: start,
      endTime: start,
      durationSeconds: 0,
      size: 1_000,
      dbNames: 'all',
      engineVersion: '7.0',
      expectExpireTime: null,
      recoverConfigMode: null,
      publicUrl: null,
      intranetUrl: null,
    };
  });
  const state = { calls: 0, open: null as null | (() => void) };
  let gate = Promise.resolve();
  const client: KvstoreClient = {
    async describeBackups(input: DescribeBackupsInput): Promise<BackupsPage> {
      state.calls++;
      await gate;
      const from = Date.parse(`${input.startTime.replace('Z', '')}:00Z`);
      const to = Date.parse(`${input.endTime.replace('Z', '')}:00Z`) + 60_000;
      const hits = all.filter((b) => Date.parse(b.startTime) >= from && Date.parse(b.startTime) < to);
      const page = hits.slice((input.pageNumber! - 1) * input.pageSize!, input.pageNumber! * input.pageSize!);
      return {
        requestId: null,
        pageNumber: input.pageNumber!,
        pageSize: input.pageSize!,
        totalCount: hits.length,
        fullStorageSize: 1,
        logStorageSize: 0,
        backups: page,
      };
    },
    describeInstances: async () => [],
    describeRegions: async () => [],
    describeClusterBackupList: () => Promise.reject(new Error('not a cloud-native cluster')),
    describeBackupTasks: async () => [],
    describeInstanceAttribute: () => Promise.reject(new Error('the engine is given the kind')),
    describeBackupPolicy: () => Promise.reject(new Error('not asked by the sync engine')),
    describeInstanceTdeStatus: () => Promise.reject(new Error('not asked by the sync engine')),
  };
  return {
    client,
    state,
    close() {
      gate = new Promise((resolve) => (state.open = resolve));
    },
  };
}

const settings = { freshMs: 60_000, edgeMs: 60 * 60_000, workers: 2, shared: true };

/** What of `want` the coverage lacks. */
const missing = (pieces: Piece[], want: Interval) =>
  needs(
    pieces,
    { start: want.start, end: Math.min(want.end, Date.now()) },
    Date.now(),
    settings.freshMs,
    settings.edgeMs,
  ).missing;

describe.each(DIALECTS)('sync leases on %s', (dialect) => {
  let db: Kysely<IndexDatabase>;
  beforeEach(async () => {
    db = await freshDb<IndexDatabase>(dialect, MIGRATIONS);
  });
  afterEach(() => db.destroy());

  const engine = (upstream: ReturnType<typeof fakeUpstream>) =>
    new SyncEngine(
      settings,
      () => upstream.client,
      async () => db,
      async () => ({ kind: 'standard', shardCount: null, logStartTime: null }),
    );

  it('fetches a cold range once when two replicas ask for it at once', async () => {
    const upstream = fakeUpstream(40);
    const [a, b] = [engine(upstream), engine(upstream)];
    const want = { start: Date.now() - 60 * DAY, end: Date.now() };
    const plans = await Promise.all([
      a!.plan(INSTANCE, 'cn-hangzhou', want),
      b!.plan(INSTANCE, 'cn-hangzhou', want),
    ]);
    await Promise.all(plans.flatMap((p) => p.syncs.map((s) => s.done)));
    expect(plans.flatMap((p) => p.syncs.map((s) => s.error))).toEqual([null, null]);
    // One page of 40 backups: one call, by whichever replica took the lease.
    expect(upstream.state.calls).toBe(1);
    expect(missing(await loadCoverage(db, INSTANCE), want)).toEqual([]);
    expect(await liveLeases(db)).toEqual([]);
    const { n } = await db
      .selectFrom('backups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(40);
  });

  it("shows the other replica's progress while it waits, then its result", async () => {
    const upstream = fakeUpstream(10);
    upstream.close();
    const [a, b] = [engine(upstream), engine(upstream)];
    const want = { start: Date.now() - 30 * DAY, end: Date.now() };
    const first = await a!.plan(INSTANCE, 'cn-hangzhou', want);
    await expect.poll(async () => (await liveLeases(db)).length).toBe(1);
    const second = await b!.plan(INSTANCE, 'cn-hangzhou', want);
    expect(second.cold).toBe(true);
    upstream.state.open!();
    await Promise.all([...first.syncs, ...second.syncs].map((s) => s.done));
    expect(upstream.state.calls).toBe(1);
    expect(missing(await b!.coverageOf(INSTANCE), want)).toEqual([]);
  });

  it('takes over an interval whose holder stopped renewing its lease', async () => {
    const upstream = fakeUpstream(5);
    const want = { start: Date.now() - 10 * DAY, end: Date.now() };
    // A replica that died right after it took the lease: it never fetches, never renews.
    const dead = await claimLeases(db, INSTANCE, [want], 'dead-replica', Date.now() - LEASE_MS + 1_500);
    expect(dead.mine).toHaveLength(1);
    const asked = Date.now();
    const plan = await engine(upstream).plan(INSTANCE, 'cn-hangzhou', want);
    await Promise.all(plan.syncs.map((s) => s.done));
    expect(plan.syncs[0]!.error).toBeNull();
    expect(Date.now() - asked).toBeGreaterThanOrEqual(1_000);
    expect(upstream.state.calls).toBe(1);
    expect(missing(await loadCoverage(db, INSTANCE), want)).toEqual([]);
  });
});
