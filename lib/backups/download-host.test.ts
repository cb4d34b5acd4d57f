import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/instances/[instanceId]/backups/[backupId]/download/route';
import { SEED_INSTANCE_IDS } from '@/emulator/seed';
import { startEmulator, type RunningEmulator } from '@/emulator/server';
import { resetKvstoreClientForTests } from '@/lib/aliyun/client';
import { resetConfigForTests } from '@/lib/config';
import { clearInstancesCacheForTests } from '@/lib/instances/fetch-instances';

// An upstream that hands out download URLs on a host that is neither Alibaba Cloud nor the configured
// endpoint: the download route must refuse to send anyone there.

vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => ({ name: 'tester', role: 'admin', scope: null }),
}));

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, publicUrl: 'http://downloads.example.test' });
  vi.stubEnv('KVSTORE_ENDPOINT', emulator.url);
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', emulator.accessKeyId);
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', emulator.accessKeySecret);
  vi.stubEnv('ALIBABA_CLOUD_ECS_METADATA_DISABLED', 'true');
  vi.stubEnv('AUDIT_DB_PATH', path.join(os.tmpdir(), `kvb-host-test-${process.pid}.db`));
  resetConfigForTests();
  resetKvstoreClientForTests();
  clearInstancesCacheForTests();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  resetConfigForTests();
  resetKvstoreClientForTests();
  clearInstancesCacheForTests();
  await emulator.close();
});

it('answers 502 naming the foreign host, for a redirect and for a copy', async () => {
  const instanceId = SEED_INSTANCE_IDS.standard;
  const backupId = String(
    emulator.dataset.backupsFor(instanceId).find((b) => b.BackupStatus === 'Success')!.BackupId,
  );
  for (const query of ['', '?format=json']) {
    const res = await GET(
      new NextRequest(`http://127.0.0.1/api/instances/${instanceId}/backups/${backupId}/download${query}`),
      {
        params: Promise.resolve({ instanceId, backupId }),
      },
    );
    expect(res.status).toBe(502);
    const { error } = await res.json();
    expect(error.code).toBe('bad_upstream');
    expect(error.message).toContain('downloads.example.test');
    expect(res.headers.get('location')).toBeNull();
  }
});
