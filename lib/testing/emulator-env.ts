import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '@/emulator/server';
import { resetKvstoreClientForTests } from '@/lib/aliyun/client';
import { clearBackupsCacheForTests } from '@/lib/backups/fetch-backups';
import { resetConfigForTests } from '@/lib/config';
import { clearInstancesCacheForTests } from '@/lib/instances/fetch-instances';

// Integration tests run the server code against a real emulator on a random port, with the
// environment the server would have and every memoized client, config and cache reset.

function resetServerState(): void {
  resetConfigForTests();
  resetKvstoreClientForTests();
  clearInstancesCacheForTests();
  clearBackupsCacheForTests();
}

export async function startEmulatorForTests(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port: 0, ...opts });
  vi.stubEnv('KVSTORE_ENDPOINT', emulator.url);
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', emulator.accessKeyId);
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', emulator.accessKeySecret);
  vi.stubEnv('ALIBABA_CLOUD_ECS_METADATA_DISABLED', 'true');
  vi.stubEnv('KVSTORE_MAX_RETRIES', '0');
  vi.stubEnv('AUDIT_DB_PATH', path.join(os.tmpdir(), `kvb-test-${process.pid}-${Date.now()}`, 'audit.db'));
  resetServerState();
  return emulator;
}

export async function stopEmulatorForTests(emulator: RunningEmulator | undefined): Promise<void> {
  vi.unstubAllEnvs();
  resetServerState();
  await emulator?.close();
}
