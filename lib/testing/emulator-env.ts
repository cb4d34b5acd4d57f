import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '@/emulator/server';
import { resetServerState } from './server-state';

// Integration tests run the server code against a real emulator on a random port, with the
// environment the server would have and every memoized client, config and cache reset.

export async function startEmulatorForTests(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port: 0, ...opts });
  vi.stubEnv('KVSTORE_ENDPOINT', emulator.url);
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', emulator.accessKeyId);
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', emulator.accessKeySecret);
  vi.stubEnv('ALIBABA_CLOUD_ECS_METADATA_DISABLED', 'true');
  vi.stubEnv('KVSTORE_MAX_RETRIES', '0');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kvb-test-'));
  vi.stubEnv('DATA_DIR', dataDir);
  vi.stubEnv('AUDIT_DB_PATH', path.join(dataDir, 'audit.db'));
  await resetServerState();
  return emulator;
}

export async function stopEmulatorForTests(emulator: RunningEmulator | undefined): Promise<void> {
  vi.unstubAllEnvs();
  await resetServerState();
  await emulator?.close();
}
