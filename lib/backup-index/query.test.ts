import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Backup } from '@/lib/aliyun/types';
import { FACET_NAMES } from '@/lib/backups/facets';
import { backupsQuerySchema, SORT_FIELDS, type BackupsQuery } from '@/lib/backups/query';
import { resetConfigForTests } from '@/lib/config';
import { closePostgresForTests } from '@/lib/db/database';
import { DIALECTS, freshPostgresUrl } from '@/lib/testing/storage-dialects';
import { closeIndexDbForTests, getIndexDb } from './db';
import { queryPage } from './query';
import { upsertBackups } from './store';

// The index's answers checked against the plain definition: filter every backup of the range, count the
// facets over all of them, sort with missing values last and newest first on ties, then page. Random
// backups over two weeks and random queries, so the per-day counts and their edges are exercised.

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1);
const INSTANCE = 'r-test0000000001';

function rng(seed: number) {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function makeBackups(n: number): Backup[] {
  const r = rng(7);
  return Array.from({ length: n }, (_, i) => {
    const start = T0 + Math.floor((r() * 14 * DAY) / 1000) * 1000;
    const failed = r() < 0.2;
    const duration = r() < 0.1 ? null : Math.floor(r() * 600);
    const job = String(1_000 + Math.floor(i / 3));
    return {
      // Ids of different lengths (int64 strings sort by length first), unique by their last four digits.
      backupId: `${1 + Math.floor(r() * 10 ** Math.floor(r() * 12))}${String(i).padStart(4, '0')}`,
      backupJobId: r() < 0.1 ? null : job,
      instanceId: INSTANCE,
      nodeInstanceId: r() < 0.1 ? null : `${INSTANCE}-db-${Math.floor(r() * 4)}`,
      status: failed ? 'Failed' : 'Success',
      type: pick(r, ['FullBackup', 'IncrementalBackup']),
      mode: pick(r, ['Automated', 'Manual']),
      method: pick(r, ['Physical', 'Logical']),
      startTime: new Date(start).toISOString().replace('.000', ''),
      endTime: duration === null ? null : new Date(start + duration * 1000).toISOString().replace('.000', ''),
      durationSeconds: duration,
      size: failed ? 0 : Math.floor(r() * 5) * 1_000_000,
      dbNames: 'all',
      engineVersion: '6.0',
      expectExpireTime: null,
      recoverConfigMode: null,
    };
  });
}

type Key = number | string | null;
const keyOf: Record<string, (b: Backup) => Key> = {
  startTime: (b) => Date.parse(b.startTime),
  endTime: (b) => b.endTime,
  duration: (b) => b.durationSeconds,
  size: (b) => b.size,
  status: (b) => b.status,
  type: (b) => b.type,
  mode: (b) => b.mode,
  method: (b) => b.method,
  node: (b) => b.nodeInstanceId,
  backupId: (b) => b.backupId.padStart(20, '0'),
  jobId: (b) => b.backupJobId?.padStart(20, '0') ?? null,
};
const cmp = (a: Key, b: Key) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

function reference(all: Backup[], q: BackupsQuery) {
  const inRange = all.filter((b) => {
    const t = Date.parse(b.startTime);
    return t >= q.start.getTime() && t <= q.end.getTime();
  });
  const value = {
    status: 'status',
    type: 'type',
    mode: 'mode',
    method: 'method',
    node: 'nodeInstanceId',
  } as const;
  const filtered = inRange.filter(
    (b) =>
      FACET_NAMES.every((f) => q[f].length === 0 || q[f].includes(b[value[f]] as never)) &&
      (!q.q || b.backupId.includes(q.q) || (b.backupJobId ?? '').includes(q.q)),
  );
  const key = keyOf[q.sort.field]!;
  const sign = q.sort.dir === 'asc' ? 1 : -1;
  filtered.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    const c = ka === null || kb === null ? cmp(ka, kb) : cmp(ka, kb) * sign;
    return c || cmp(keyOf.startTime!(b), keyOf.startTime!(a)) || cmp(keyOf.backupId!(b), keyOf.backupId!(a));
  });
  const facets = Object.fromEntries(FACET_NAMES.map((f) => [f, {} as Record<string, number>]));
  for (const b of inRange)
    for (const f of FACET_NAMES) {
      const v = b[value[f]];
      if (v !== null) facets[f]![v] = (facets[f]![v] ?? 0) + 1;
    }
  const success = inRange
    .filter((b) => b.status === 'Success')
    .map((b) => b.startTime)
    .sort();
  return {
    ids: filtered.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((b) => b.backupId),
    total: filtered.length,
    facets,
    totals: { count: inRange.length, bytes: inRange.reduce((n, b) => n + b.size, 0) },
    latestSuccessAt: success[success.length - 1] ?? null,
  };
}

describe.each(DIALECTS)('queryPage on %s', (dialect) => {
  const backups = makeBackups(3_000);

  beforeAll(async () => {
    vi.stubEnv('DATA_DIR', mkdtempSync(path.join(os.tmpdir(), 'kvb-query-')));
    if (dialect === 'postgres') vi.stubEnv('DATABASE_URL', await freshPostgresUrl());
    resetConfigForTests();
    const db = await getIndexDb();
    for (let i = 0; i < backups.length; i += 300)
      await upsertBackups(db, INSTANCE, backups.slice(i, i + 300));
  });
  afterAll(async () => {
    await closeIndexDbForTests();
    await closePostgresForTests();
    vi.unstubAllEnvs();
    resetConfigForTests();
  });

  it('agrees with the plain definition on 150 random queries', async () => {
    const r = rng(42);
    const db = await getIndexDb();
    for (let i = 0; i < 150; i++) {
      const a = T0 - DAY + Math.floor(r() * 16 * DAY);
      const b = a + Math.floor(r() * 10 * DAY) + 1;
      const raw: Record<string, string> = {
        start: new Date(a).toISOString(),
        end: new Date(b).toISOString(),
        sort: `${pick(r, SORT_FIELDS)}.${pick(r, ['asc', 'desc'])}`,
        page: String(1 + Math.floor(r() * 3)),
        pageSize: pick(r, ['30', '50']),
      };
      if (r() < 0.4) raw.status = pick(r, ['Success', 'Failed', 'Success,Failed']);
      if (r() < 0.3) raw.mode = pick(r, ['Automated', 'Manual']);
      if (r() < 0.2) raw.node = `${INSTANCE}-db-${Math.floor(r() * 4)}`;
      if (r() < 0.15) raw.q = String(Math.floor(r() * 10));
      const query = backupsQuerySchema.parse(raw);
      const want = reference(backups, query);
      const got = await queryPage(db, INSTANCE, query);
      expect(
        { ...got, rows: got.rows.map((x) => x.backupId), page: undefined, pageSize: undefined },
        JSON.stringify(raw),
      ).toEqual({
        rows: want.ids,
        total: want.total,
        facets: want.facets,
        totals: want.totals,
        latestSuccessAt: want.latestSuccessAt,
        page: undefined,
        pageSize: undefined,
      });
    }
  });

  it('counts per day and combination of values, not per backup', async () => {
    const db = await getIndexDb();
    const { n } = await db
      .selectFrom('backup_days')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // 14 days, at most 2 statuses x 2 types x 2 modes x 2 methods x 5 nodes each.
    expect(n).toBeLessThanOrEqual(14 * 2 * 2 * 2 * 2 * 5 + 16);
    expect(n).toBeLessThan(backups.length / 2);
  });

  it('takes parallel writes of one instance (pages written at once, or two replicas)', async () => {
    const db = await getIndexDb();
    const other = makeBackups(600).map((b) => ({ ...b, instanceId: 'r-test0000000002' }));
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        upsertBackups(db, 'r-test0000000002', other.slice(i * 100, i * 100 + 100)),
      ),
    );
    const { n } = await db
      .selectFrom('backup_days')
      .select((eb) => eb.fn.sum<number>('n').as('n'))
      .where('instance_id', '=', 'r-test0000000002')
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(600);
  });

  it('keeps the counts right when a backup changes status or leaves', async () => {
    const db = await getIndexDb();
    const changed = { ...backups[0]!, status: backups[0]!.status === 'Success' ? 'Failed' : 'Success' };
    await upsertBackups(db, INSTANCE, [changed]);
    const all = [changed, ...backups.slice(1)];
    const query = backupsQuerySchema.parse({
      start: new Date(T0 - DAY).toISOString(),
      end: new Date(T0 + 20 * DAY).toISOString(),
    });
    expect((await queryPage(db, INSTANCE, query)).facets).toEqual(reference(all, query).facets);
  });
});
