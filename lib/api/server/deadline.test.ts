import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getHealth } from '@/app/api/health/route';
import { GET as getInstances } from '@/app/api/instances/route';
import { GET as getBackups } from '@/app/api/instances/[instanceId]/backups/route';
import { GET as getDownload } from '@/app/api/instances/[instanceId]/backups/[backupId]/download/route';
import { GET as getExport } from '@/app/api/instances/[instanceId]/backups/export/route';
import { POST as postRefresh } from '@/app/api/instances/[instanceId]/backups/refresh/route';
import { SEED_INSTANCE_IDS } from '@/emulator/seed';
import type { RunningEmulator } from '@/emulator/server';
import { getSyncEngine } from '@/lib/backup-index/sync-engine';
import { callRoute } from '@/lib/testing/call-route';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';
import { eventually } from '@/lib/testing/eventually';

// Alibaba Cloud slower than the deadline (the emulator waits 2 s before every answer, the deadline is
// 0.5 s): every answer that waits on it comes by the deadline, as a 504 `timeout` saying so, or with what
// the index already holds; what is worth finishing (the instance list, a sync) goes on in the background.

vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => ({ name: 'tester', role: 'admin', scope: null }),
}));

const instanceId = SEED_INSTANCE_IDS.standard;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulatorForTests({ faults: { latencyMs: 2_000 } });
  vi.stubEnv('KVSTORE_DEADLINE_MS', '500');
  vi.stubEnv('KVSTORE_REGIONS', 'cn-hangzhou');
});

afterAll(async () => {
  await getSyncEngine().idle();
  await stopEmulatorForTests(emulator);
});

async function expectTimeout(res: Response) {
  expect(res.status).toBe(504);
  const { error } = await res.json();
  expect(error.code).toBe('timeout');
  expect(error.message).toMatch(/^Alibaba Cloud did not answer within 0\.5 s/);
  return error.message as string;
}

const range = () => {
  const end = emulator.dataset.now.getTime();
  return new URLSearchParams({
    start: new Date(end - 3 * 86_400_000).toISOString(),
    end: new Date(end).toISOString(),
  });
};

describe('with Alibaba Cloud slower than KVSTORE_DEADLINE_MS', () => {
  it('answers the instance list on a cold start with 504 timeout, and loads it in the background', async () => {
    expect(await expectTimeout(await callRoute(getInstances, '/api/instances'))).toMatch(/background/);
    // The backups of an instance wait on the same list.
    await expectTimeout(
      await callRoute(getBackups, `/api/instances/${instanceId}/backups?${range()}`, { instanceId }),
    );
    const loaded = await eventually(
      () => callRoute(getInstances, '/api/instances'),
      (res) => res.status === 200,
    );
    expect(loaded.status).toBe(200);
    expect((await loaded.json()).instances.length).toBeGreaterThan(0);
  });

  it('answers a download link with 504 timeout', async () => {
    const backupId = String(
      emulator.dataset.backupsFor(instanceId).find((b) => b.BackupStatus === 'Success')!.BackupId,
    );
    for (const format of ['', '?format=json']) {
      await expectTimeout(
        await callRoute(getDownload, `/api/instances/${instanceId}/backups/${backupId}/download${format}`, {
          instanceId,
          backupId,
        }),
      );
    }
  });

  it('answers a cold range, a refresh and an export with what the index holds, marked as syncing', async () => {
    const list = await callRoute(getBackups, `/api/instances/${instanceId}/backups?${range()}`, {
      instanceId,
    });
    expect(list.status).toBe(200);
    expect((await list.json()).syncing).not.toBeNull();
    const refresh = await callRoute(
      postRefresh,
      `/api/instances/${instanceId}/backups/refresh?${range()}`,
      { instanceId },
      { method: 'POST' },
    );
    expect(refresh.status).toBe(200);
    expect((await refresh.json()).syncing).not.toBeNull();
    const exported = await callRoute(getExport, `/api/instances/${instanceId}/backups/export?${range()}`, {
      instanceId,
    });
    expect(exported.status).toBe(200);
    await exported.text();
  });

  it('keeps liveness as it is', async () => {
    const res = await callRoute(getHealth, '/api/health');
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('ok');
  });
});
