import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getBackups } from '@/app/api/instances/[instanceId]/backups/route';
import { POST as postRefresh } from '@/app/api/instances/[instanceId]/backups/refresh/route';
import { SEED_INSTANCE_IDS } from '@/emulator/seed';
import type { RunningEmulator } from '@/emulator/server';
import type { SessionUser } from '@/lib/auth/roles';
import type { BackupsAnswer } from '@/lib/backups/answer';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';
import { startEmulatorProcess, type EmulatorProcess } from '@/lib/testing/emulator-process';
import { eventually } from '@/lib/testing/eventually';
import { resetServerState } from '@/lib/testing/server-state';

// The index against the emulator, counted by the emulator's own request counters: the number of
// DescribeBackups calls follows the backups, not the requests; changes upstream reach the index.

const user: SessionUser = { name: 'tester', role: 'admin', scope: null };
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => user }));

const DAY = 86_400_000;
const MINUTE = 60_000;
const scale = SEED_INSTANCE_IDS.scale;
const standard = SEED_INSTANCE_IDS.standard;

function call(route: typeof getBackups, url: string, instanceId: string, method = 'GET') {
  return route(new NextRequest(new URL(url, 'http://127.0.0.1'), { method }), {
    params: Promise.resolve({ instanceId }),
  });
}

async function list(instanceId: string, start: number, end: number, extra: Record<string, string> = {}) {
  const qs = new URLSearchParams({
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    pageSize: '100',
    ...extra,
  });
  const res = await call(getBackups, `/api/instances/${instanceId}/backups?${qs}`, instanceId);
  return { status: res.status, body: (await res.json()) as BackupsAnswer };
}

async function refresh(instanceId: string, start: number, end: number) {
  const qs = new URLSearchParams({ start: new Date(start).toISOString(), end: new Date(end).toISOString() });
  const res = await call(
    postRefresh,
    `/api/instances/${instanceId}/backups/refresh?${qs}`,
    instanceId,
    'POST',
  );
  expect(res.status).toBe(200);
}

/** The pages DescribeBackups needs for [start, end) widened to whole minutes, as the sync asks. */
function pagesFor(emulator: RunningEmulator, instanceId: string, start: number, end: number): number {
  const from = Math.floor(start / MINUTE) * MINUTE;
  const to = Math.ceil(end / MINUTE) * MINUTE;
  const n = emulator.dataset.backupsFor(instanceId).filter((b) => {
    const t = Date.parse(b.BackupStartTime);
    return t >= from && t < to;
  }).length;
  return Math.max(1, Math.ceil(n / 300));
}

async function admin(emulator: RunningEmulator, method: string, path: string, body?: unknown) {
  const res = await fetch(`${emulator.url}/__admin${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
  return (await res.json()) as { BackupId: number | string };
}

describe('the backup index against the emulator', () => {
  let emulator: RunningEmulator;
  let running = false;
  const calls = () => emulator.stats.snapshot().actions.DescribeBackups ?? 0;

  beforeAll(async () => {
    vi.stubEnv('INDEX_FRESH_SECONDS', '1');
    emulator = await startEmulatorForTests();
    running = true;
  });
  afterAll(() => stopEmulatorForTests(running ? emulator : undefined));

  it('fetches only the gap of an overlapping range, and nothing for a covered one', async () => {
    const now = emulator.dataset.now.getTime();
    const first = await list(scale, now - 10 * DAY, now - 5 * DAY);
    expect(first.status).toBe(200);
    expect(first.body.totals.count).toBeGreaterThan(800);

    const before = calls();
    const second = await list(scale, now - 7 * DAY, now - 2 * DAY);
    expect(second.status).toBe(200);
    expect(calls() - before).toBe(pagesFor(emulator, scale, now - 5 * DAY + 1, now - 2 * DAY + 1));

    const covered = calls();
    await list(scale, now - 9 * DAY, now - 3 * DAY, { status: 'Failed', sort: 'size.desc' });
    expect(calls()).toBe(covered);
  });

  it('makes one sync for 20 simultaneous cold requests of one range', async () => {
    const now = emulator.dataset.now.getTime();
    const [start, end] = [now - 30 * DAY, now - 20 * DAY];
    const before = calls();
    const answers = await Promise.all(Array.from({ length: 20 }, () => list(scale, start, end)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.body.totals.count)).size).toBe(1);
    expect(calls() - before).toBe(pagesFor(emulator, scale, start, end + 1));
  });

  it('follows a backup added, changed and expired upstream', async () => {
    const end = Date.now() + 3_600_000;
    const start = end - 2 * DAY;
    const ids = async () => (await list(standard, start, end)).body.rows.map((r) => r.backupId);
    await list(standard, start, end);

    // Added, then shown after a Refresh.
    const added = await admin(emulator, 'POST', `/instances/${standard}/backups`, { size: 123_456 });
    await refresh(standard, start, end);
    expect(await ids()).toContain(String(added.BackupId));

    // Added, then shown on its own once the recent edge is older than INDEX_FRESH_SECONDS.
    const later = await admin(emulator, 'POST', `/instances/${standard}/backups`, { status: 'Failed' });
    expect(await eventually(ids, (v) => v.includes(String(later.BackupId)))).toContain(
      String(later.BackupId),
    );

    // A status change lands.
    await admin(emulator, 'PATCH', `/instances/${standard}/backups/${added.BackupId}`, { status: 'Failed' });
    await refresh(standard, start, end);
    const row = (await list(standard, start, end)).body.rows.find(
      (r) => r.backupId === String(added.BackupId),
    );
    expect(row?.status).toBe('Failed');

    // An expired backup leaves, and the counts follow.
    const count = (await list(standard, start, end)).body.totals.count;
    await admin(emulator, 'DELETE', `/instances/${standard}/backups/${added.BackupId}`);
    await refresh(standard, start, end);
    const after = await list(standard, start, end);
    expect(after.body.rows.map((r) => r.backupId)).not.toContain(String(added.BackupId));
    expect(after.body.totals.count).toBe(count - 1);
  });

  it('answers an indexed range with stale: true while Alibaba Cloud is down', async () => {
    const end = Date.now() + 3_600_000;
    const start = end - 3 * DAY;
    const fresh = await list(SEED_INSTANCE_IDS.rwsplit, start, end);
    expect(fresh.body.stale).toBe(false);
    expect(fresh.body.asOf).not.toBeNull();
    const rows = fresh.body.rows.length;
    expect(rows).toBeGreaterThan(0);

    await emulator.close();
    running = false;
    const down = await eventually(
      () => list(SEED_INSTANCE_IDS.rwsplit, start, end),
      (a) => a.body.stale,
    );
    expect(down.status).toBe(200);
    expect(down.body.stale).toBe(true);
    expect(down.body.lastError?.message).toBeTruthy();
    expect(down.body.rows).toHaveLength(rows);
  });
});

describe('the upstream budget', () => {
  // The emulator runs in a process of its own here: in this one, a busy event loop would bunch the
  // arrivals it counts.
  let emulator: EmulatorProcess;

  beforeAll(async () => {
    emulator = await startEmulatorProcess();
    for (const [k, v] of Object.entries(emulator.env)) vi.stubEnv(k, v);
    vi.stubEnv('KVSTORE_MAX_QPS', '5');
    vi.stubEnv('KVSTORE_MAX_RETRIES', '0');
    vi.stubEnv('DATA_DIR', mkdtempSync(path.join(os.tmpdir(), 'kvb-budget-')));
    await resetServerState();
  });
  afterAll(async () => {
    emulator.child.kill();
    vi.unstubAllEnvs();
    await resetServerState();
  });

  it('never lets the emulator see more than KVSTORE_MAX_QPS calls in any second', async () => {
    const now = Date.now();
    const { status, body } = await list(scale, now - 30 * DAY, now);
    expect(status).toBe(200);
    expect(body.syncing).toBeNull();
    const stats = (await (await fetch(`${emulator.url}/__admin/stats`)).json()) as {
      actions: Record<string, number>;
      maxPerSecond: number;
    };
    const pages = Math.ceil(body.totals.count / 300);
    expect(stats.actions.DescribeBackups).toBeGreaterThanOrEqual(pages);
    expect(stats.actions.DescribeBackups).toBeLessThanOrEqual(pages + 1);
    expect(pages).toBeGreaterThan(15);
    expect(stats.maxPerSecond).toBeLessThanOrEqual(5);
  });
});

describe('the deadline', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    vi.stubEnv('KVSTORE_DEADLINE_MS', '500');
    emulator = await startEmulatorForTests({ faults: { latencyMs: 1_000, actions: ['DescribeBackups'] } });
  });
  afterAll(() => stopEmulatorForTests(emulator));

  it('answers a cold range at the deadline with its progress, and fills in when the sync is done', async () => {
    const now = emulator.dataset.now.getTime();
    const first = await list(scale, now - 30 * DAY, now);
    expect(first.status).toBe(200);
    expect(first.body.syncing).not.toBeNull();
    expect(first.body.asOf).toBeNull();

    const done = await eventually(
      () => list(scale, now - 30 * DAY, now),
      (a) => a.body.syncing === null,
    );
    expect(done.body.syncing).toBeNull();
    expect(done.body.totals.count).toBeGreaterThan(5_000);
    expect(done.body.asOf).not.toBeNull();
  });
});

describe('a range of a hundred thousand backups', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    vi.stubEnv('KVSTORE_MAX_QPS', '1000');
    vi.stubEnv('KVSTORE_DEADLINE_MS', '60000');
    emulator = await startEmulatorForTests({ scaleBackups: 100_000 });
    // As in production (3): under a loaded machine a kept-alive socket the emulator already closed answers
    // ECONNRESET between slices, and one retry is what the SDK client does about it.
    vi.stubEnv('KVSTORE_MAX_RETRIES', '2');
    await resetServerState();
  });
  afterAll(() => stopEmulatorForTests(emulator));

  it('is synced in slices, every backup once, with exact counts', async () => {
    const now = emulator.dataset.now.getTime();
    const { status, body } = await list(SEED_INSTANCE_IDS.bulk, now - 366 * DAY, now, { status: 'Failed' });
    expect(status).toBe(200);
    expect(body.syncing).toBeNull();
    expect(body.lastError).toBeNull();
    expect(body.totals.count).toBe(100_000);
    const failed = emulator.dataset
      .listBackups(SEED_INSTANCE_IDS.bulk)
      .rows.filter((b) => b.BackupStatus === 'Failed');
    expect(body.total).toBe(failed.length);
    expect(body.rows[0]?.backupId).toBe(String(failed[0]!.BackupId));
    // 334 pages of 300, plus the first page of the whole range and of each slice.
    const calls = emulator.stats.snapshot().actions.DescribeBackups ?? 0;
    expect(calls).toBeGreaterThanOrEqual(334);
    expect(calls).toBeLessThanOrEqual(334 + 1 + 8);
  }, 120_000);
});
