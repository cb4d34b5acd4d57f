import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEED_INSTANCE_IDS } from '@/emulator/seed';
import type { RunningEmulator } from '@/emulator/server';
import { getUpstreamBudget } from '@/lib/aliyun/client';
import { getSyncEngine } from '@/lib/backup-index/sync-engine';
import { resetConfigForTests } from '@/lib/config';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';
import { eventually } from '@/lib/testing/eventually';
import { listBackups } from './list-backups';
import { backupsQuerySchema } from './query';

// A range whose refresh cannot get through is marked stale even when nothing has failed yet: Alibaba
// Cloud's throttling paused the upstream budget, so the refresh waits and records no error.

const DAY = 86_400_000;
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulatorForTests();
  vi.stubEnv('INDEX_FRESH_SECONDS', '1');
  resetConfigForTests();
});
afterAll(async () => {
  await getSyncEngine().idle(); // the refresh that waited out the pause
  await stopEmulatorForTests(emu);
}, 60_000);

describe('freshness', () => {
  it('marks an indexed range stale while throttling holds its refresh back, with no error yet', async () => {
    const query = () =>
      listBackups(
        SEED_INSTANCE_IDS.standard,
        backupsQuerySchema.parse({
          start: new Date(Date.now() - 3 * DAY).toISOString(),
          end: new Date().toISOString(),
        }),
        null,
      );
    const fresh = await query();
    expect(fresh.stale).toBe(false);
    expect(fresh.asOf).not.toBeNull();

    // Throttled three times in a row: nothing starts for the next 4 s.
    for (let i = 0; i < 3; i++) getUpstreamBudget().throttled();
    const late = await eventually(query, (a) => a.stale, 3_500);
    expect(late.stale).toBe(true);
    expect(late.lastError).toBeNull();
    // Behind its freshness (1 s): a refresh was due.
    expect(Date.now() - Date.parse(late.asOf!)).toBeGreaterThan(1_000);
    expect(late.rows.length).toBe(fresh.rows.length);
  });
});
