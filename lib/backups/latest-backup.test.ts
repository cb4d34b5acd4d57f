import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/instances/[instanceId]/backups/latest/route';
import { SEED_INSTANCE_IDS } from '@/emulator/seed';
import type { RunningEmulator } from '@/emulator/server';
import type { SessionUser } from '@/lib/auth/roles';
import { getSyncEngine } from '@/lib/backup-index/sync-engine';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';

// The newest backup before an empty range, through the route, against the emulator's seeded data.

let user: SessionUser = { name: 'tester', role: 'viewer', scope: null };
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => user }));

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulatorForTests();
});
afterAll(() => stopEmulatorForTests(emulator));

async function latest(instanceId: string, before: string) {
  const res = await GET(
    new NextRequest(
      new URL(`/api/instances/${instanceId}/backups/latest?before=${before}`, 'http://127.0.0.1'),
    ),
    { params: Promise.resolve({ instanceId }) },
  );
  return {
    status: res.status,
    body: (await res.json()) as { latest?: string | null; error?: { field?: string } },
  };
}

const newestBefore = (instanceId: string, before: number) =>
  Math.max(
    ...emulator.dataset
      .backupsFor(instanceId)
      .map((b) => Date.parse(b.BackupStartTime))
      .filter((t) => t < before),
  );

const callsOf = (action: string) => emulator.stats.snapshot().actions[action] ?? 0;

describe('GET /api/instances/{id}/backups/latest', () => {
  it('finds the API page’s 2019 backups from today, years back', async () => {
    const now = emulator.dataset.now.toISOString();
    const { status, body } = await latest(SEED_INSTANCE_IDS.docExample, now);
    expect(status).toBe(200);
    expect(body.latest).toBe(
      new Date(newestBefore(SEED_INSTANCE_IDS.docExample, Date.parse(now))).toISOString(),
    );
    expect(body.latest).toMatch(/^2019-03-14T/);
  });

  it('finds the newest of thousands, by halving a window too big for one page', async () => {
    // Whole minutes, as a range's start is (DescribeBackups' precision).
    const before = Math.floor((emulator.dataset.now.getTime() - 3 * 86_400_000) / 60_000) * 60_000;
    const { body } = await latest(SEED_INSTANCE_IDS.scale, new Date(before).toISOString());
    expect(body.latest).toBe(new Date(newestBefore(SEED_INSTANCE_IDS.scale, before)).toISOString());
  });

  it('answers from the index when it covers the way back, with no call to Alibaba Cloud', async () => {
    const id = SEED_INSTANCE_IDS.standard;
    const before = Math.floor((emulator.dataset.now.getTime() - 5 * 86_400_000) / 60_000) * 60_000;
    const plan = await getSyncEngine().plan(id, 'cn-hangzhou', {
      start: before - 3 * 86_400_000,
      end: before,
    });
    await Promise.all(plan.syncs.map((s) => s.done));
    const calls = callsOf('DescribeBackups');
    const { body } = await latest(id, new Date(before).toISOString());
    expect(body.latest).toBe(new Date(newestBefore(id, before)).toISOString());
    expect(callsOf('DescribeBackups')).toBe(calls);
  });

  it('finds a cloud-native cluster’s newest set, which DescribeBackups does not list', async () => {
    const id = SEED_INSTANCE_IDS.cloudNative;
    const before = Math.floor((Date.now() - 2.5 * 86_400_000) / 60_000) * 60_000;
    const newest = Math.max(
      ...emulator.dataset
        .clusterSets(id)
        .map((set) => set.startMs)
        .filter((t) => t < before),
    );
    const { status, body } = await latest(id, new Date(before).toISOString());
    expect(status).toBe(200);
    expect(body.latest).toBe(new Date(newest).toISOString());
  });

  it('says null for an instance with no backups, 404 outside the scope, 400 for a bad time', async () => {
    expect((await latest(SEED_INSTANCE_IDS.empty, emulator.dataset.now.toISOString())).body).toEqual({
      latest: null,
    });
    user = { ...user, scope: ['r-bp1*'] };
    try {
      expect((await latest(SEED_INSTANCE_IDS.cluster, '2026-11-01T00:00Z')).status).toBe(404);
    } finally {
      user = { ...user, scope: null };
    }
    const bad = await latest(SEED_INSTANCE_IDS.standard, 'yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.field).toBe('before');
  });
});
