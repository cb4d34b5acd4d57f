import { NextRequest } from 'next/server';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/instances/[instanceId]/backups/[backupId]/download/route';
import { SEED_INSTANCE_IDS } from '@/emulator/seed';
import type { RunningEmulator } from '@/emulator/server';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';

// An upstream that hands out download URLs on a host that is neither Alibaba Cloud nor the configured
// endpoint: the download route must refuse to send anyone there.

vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => ({ name: 'tester', role: 'admin', scope: null }),
}));

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulatorForTests({ publicUrl: 'http://downloads.example.test' });
});

afterAll(() => stopEmulatorForTests(emulator));

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
