import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEED_INSTANCE_IDS } from '@/emulator/seed';
import type { RunningEmulator } from '@/emulator/server';
import { getUpstreamBudget } from '@/lib/aliyun/client';
import { getSyncEngine } from '@/lib/backup-index/sync-engine';
import { resetConfigForTests } from '@/lib/config';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';
import { eventually } from '@/lib/testing/eventually';
import { listBackups, syncRange } from './list-backups';
import { backupsQuerySchema } from './query';

// A range whose refresh cannot get through is marked stale even when nothing has failed yet: Alibaba
// Cloud's throttling paused the upstream budget, so the refresh waits and records no error. And what the page
// follows a Refresh by: whether the refresh's own reads are still going on.

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
  it('says a Refresh is still reading for its own reads only, not for a background update beside it', async () => {
    const id = SEED_INSTANCE_IDS.standard;
    // Ending in an hour: each request reads up to its own now, so a listing after the refresh's plan starts
    // a read of the minutes since, beside the refresh.
    const query = backupsQuerySchema.parse({
      start: new Date(Date.now() - 3 * DAY).toISOString(),
      end: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const indexed = await syncRange(id, query, null);
    // Past the freshness (1 s), a listing reads the minutes since the index's last read again.
    await eventually(
      async () => Date.now(),
      (now) => now - Date.parse(indexed.asOf!) > 1_100,
      3_000,
    );
    const calls = () => emu.stats.snapshot().actions.DescribeBackups ?? 0;
    const before = calls();
    emu.faults.update({ latencyMs: 1_000, actions: ['DescribeBackups'] });
    const refresh = syncRange(id, query, null, { force: true });
    await eventually(
      async () => calls(),
      (n) => n > before,
      5_000,
    );
    // The refresh's call has arrived (its answer comes in a second); the listing's takes six.
    emu.faults.update({ latencyMs: 6_000 });
    const listing = listBackups(id, query, null, { wait: false });
    const answer = await refresh;
    expect(answer.lastError).toBeNull();
    expect(getSyncEngine().syncsOf(id).length).toBeGreaterThan(0);
    expect(answer.refreshing).toBe(false);
    // Asked while the refresh was reading; and now, with only the listing's own update going on.
    expect((await listing).refreshing).toBe(true);
    expect((await listBackups(id, query, null, { wait: false })).refreshing).toBe(false);
    emu.faults.update({ latencyMs: 0 });
    await getSyncEngine().idle();
  }, 30_000);

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
