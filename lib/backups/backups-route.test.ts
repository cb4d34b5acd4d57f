import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getBackups } from '@/app/api/instances/[instanceId]/backups/route';
import { GET as getDownload } from '@/app/api/instances/[instanceId]/backups/[backupId]/download/route';
import { SEED_INSTANCE_IDS, type RawBackup } from '@/emulator/seed';
import type { RunningEmulator } from '@/emulator/server';
import type { SessionUser } from '@/lib/auth/roles';
import { listAudit } from '@/lib/audit/audit-log';
import { auditQuerySchema } from '@/lib/audit/audit-query';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';

// The backups route end to end — route handler, data layer, real SDK, real signatures — against the
// emulator, with the expected answer computed from the emulator's own seeded data.

let user: SessionUser = { name: 'tester', role: 'admin', scope: null };
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => user }));

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulatorForTests();
});

afterAll(() => stopEmulatorForTests(emulator));

function call(route: typeof getBackups, url: string, params: Record<string, string>) {
  return route(new NextRequest(new URL(url, 'http://127.0.0.1')), { params: Promise.resolve(params) });
}

const byNewest = (a: RawBackup, b: RawBackup) =>
  Date.parse(b.BackupStartTime) - Date.parse(a.BackupStartTime) || b.BackupId - a.BackupId;

describe('GET /api/instances/{id}/backups against the emulator', () => {
  it('returns the right Failed rows and counts on page 2 of the 5,000-backup instance', async () => {
    const instanceId = SEED_INSTANCE_IDS.scale;
    const end = new Date(emulator.dataset.now.getTime());
    const start = new Date(end.getTime() - 30 * 86_400_000);
    const inRange = emulator.dataset
      .backupsFor(instanceId)
      .filter(
        (b) =>
          Date.parse(b.BackupStartTime) >= start.getTime() && Date.parse(b.BackupStartTime) <= end.getTime(),
      );
    const failed = inRange.filter((b) => b.BackupStatus === 'Failed').sort(byNewest);
    expect(inRange.length).toBeGreaterThanOrEqual(5000);
    expect(failed.length).toBeGreaterThan(30);

    const qs = new URLSearchParams({
      start: start.toISOString(),
      end: end.toISOString(),
      status: 'Failed',
      page: '2',
    });
    const res = await call(getBackups, `/api/instances/${instanceId}/backups?${qs}`, { instanceId });
    expect(res.status).toBe(200);
    const body = await res.json();

    expect(body.total).toBe(failed.length);
    expect(body.page).toBe(2);
    expect(body.rows.map((r: { backupId: string }) => r.backupId)).toEqual(
      failed.slice(30, 60).map((b) => String(b.BackupId)),
    );
    expect(body.rows.every((r: { status: string }) => r.status === 'Failed')).toBe(true);
    expect(body.facets.status).toEqual({
      Success: inRange.filter((b) => b.BackupStatus === 'Success').length,
      Failed: failed.length,
    });
    expect(body.totals).toEqual({
      count: inRange.length,
      bytes: inRange.reduce((n, b) => n + b.BackupSize, 0),
    });
    expect(JSON.stringify(body.rows)).not.toContain('http');
  });

  it('serves later pages and other sorts from the cached range without another upstream call', async () => {
    const instanceId = SEED_INSTANCE_IDS.scale;
    const end = new Date(emulator.dataset.now.getTime());
    const start = new Date(end.getTime() - 30 * 86_400_000);
    const base = { start: start.toISOString(), end: end.toISOString() };
    const before = emulator.stats.snapshot().actions.DescribeBackups ?? 0;
    const res = await call(
      getBackups,
      `/api/instances/${instanceId}/backups?${new URLSearchParams({ ...base, sort: 'size.desc', page: '3' })}`,
      {
        instanceId,
      },
    );
    expect(res.status).toBe(200);
    expect(emulator.stats.snapshot().actions.DescribeBackups ?? 0).toBe(before);
  });

  it('groups cluster shards under one job id and counts every node', async () => {
    const instanceId = SEED_INSTANCE_IDS.cluster;
    const end = new Date(emulator.dataset.now.getTime());
    const start = new Date(end.getTime() - 7 * 86_400_000);
    const qs = new URLSearchParams({ start: start.toISOString(), end: end.toISOString(), pageSize: '100' });
    const body = await (
      await call(getBackups, `/api/instances/${instanceId}/backups?${qs}`, { instanceId })
    ).json();
    expect(Object.keys(body.facets.node).length).toBeGreaterThanOrEqual(8);
    const job = body.rows[0].backupJobId;
    const shards = body.rows.filter((r: { backupJobId: string }) => r.backupJobId === job);
    expect(new Set(shards.map((r: { nodeInstanceId: string }) => r.nodeInstanceId)).size).toBe(shards.length);
    expect(shards.length).toBeGreaterThanOrEqual(8);
  });

  it('rejects an injected instance id before any upstream call', async () => {
    const before = emulator.stats.snapshot().total;
    const instanceId = 'r-abc&Action=DeleteInstance';
    const res = await call(
      getBackups,
      `/api/instances/x/backups?start=2026-11-01T00:00Z&end=2026-11-02T00:00Z`,
      { instanceId },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('instanceId');
    expect(emulator.stats.snapshot().total).toBe(before);
  });

  it('hides out-of-scope instances as not found', async () => {
    user = { name: 'scoped', role: 'viewer', scope: ['r-bp1*'] };
    try {
      const instanceId = SEED_INSTANCE_IDS.cluster;
      const res = await call(
        getBackups,
        `/api/instances/${instanceId}/backups?start=2026-11-01T00:00Z&end=2026-11-02T00:00Z`,
        { instanceId },
      );
      expect(res.status).toBe(404);
    } finally {
      user = { name: 'tester', role: 'admin', scope: null };
    }
  });
});

describe('GET …/download against the emulator', () => {
  it('audits a URL the console downloads as a download, and a URL shown or copied as a reveal', async () => {
    const instanceId = SEED_INSTANCE_IDS.standard;
    const backup = emulator.dataset.backupsFor(instanceId).find((b) => b.BackupStatus === 'Success')!;
    const backupId = String(backup.BackupId);
    const path = `/api/instances/${instanceId}/backups/${backupId}/download?format=json`;
    for (const [suffix, action] of [
      ['&intent=download', 'download'],
      ['', 'url_reveal'],
    ] as const) {
      expect((await call(getDownload, path + suffix, { instanceId, backupId })).status).toBe(200);
      const latest = (await listAudit(auditQuerySchema.parse({ pageSize: '1' }))).rows[0];
      expect(latest).toMatchObject({ action, backupId });
    }
  });

  it('answers a fresh URL that points at the emulator, with a file name and expiry', async () => {
    const instanceId = SEED_INSTANCE_IDS.standard;
    const backup = emulator.dataset.backupsFor(instanceId).find((b) => b.BackupStatus === 'Success')!;
    const backupId = String(backup.BackupId);
    const res = await call(
      getDownload,
      `/api/instances/${instanceId}/backups/${backupId}/download?format=json&variant=intranet`,
      {
        instanceId,
        backupId,
      },
    );
    expect(res.status).toBe(200);
    const link = await res.json();
    expect(link.url.startsWith(emulator.url)).toBe(true);
    expect(link.fileName).toMatch(/\.(rdb|tar\.gz)$/);
    const file = await fetch(link.url, { method: 'HEAD' });
    expect(Number(file.headers.get('content-length'))).toBe(backup.BackupSize);
  });

  it('refuses the seed page’s glued URL instead of redirecting to it', async () => {
    const instanceId = SEED_INSTANCE_IDS.docExample;
    const res = await call(getDownload, `/api/instances/${instanceId}/backups/335001607/download`, {
      instanceId,
      backupId: '335001607',
    });
    expect(res.status).toBe(502);
    expect((await res.json()).error.code).toBe('bad_upstream');
  });

  it('passes on an Alibaba Cloud URL over https, even the seed page’s internal http one', async () => {
    const instanceId = SEED_INSTANCE_IDS.docExample;
    const backupId = '335538809';
    const raw = emulator.dataset.findBackup(instanceId, backupId)!.BackupDownloadURL;
    expect(raw.startsWith('http://')).toBe(true);
    const res = await call(
      getDownload,
      `/api/instances/${instanceId}/backups/${backupId}/download?format=json`,
      {
        instanceId,
        backupId,
      },
    );
    expect(res.status).toBe(200);
    const url = new URL((await res.json()).url);
    expect(url.protocol).toBe('https:');
    expect(url.toString()).toBe(raw.replace(/^http:/, 'https:'));
  });
});
