import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEED_INSTANCE_IDS } from '@/emulator/seed';
import type { RunningEmulator } from '@/emulator/server';
import { resetConfigForTests } from '@/lib/config';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';
import { eventually } from '@/lib/testing/eventually';
import { getVerificationRunner } from './runner';
import { checkInstance, PERIOD_MS, startVerifySchedulerIfEnabled } from './scheduler';
import { latestVerification, verificationFlag } from './status';

// The schedule's one look at an instance, against the emulator: it syncs the recent days, finds the latest
// successful full backup (a cluster job's shards) and queues what has no verification from within the period.

let emulator: RunningEmulator;
const DAY = PERIOD_MS.daily;

beforeAll(async () => {
  emulator = await startEmulatorForTests();
  vi.stubEnv('VERIFY_MAX_CONCURRENT', '1');
});

afterAll(() => stopEmulatorForTests(emulator));

const region = (instanceId: string) => emulator.dataset.findInstance(instanceId)!.RegionId;

describe('the verification schedule', () => {
  it('is off unless VERIFY_SCHEDULE says otherwise', () => {
    vi.stubEnv('VERIFY_SCHEDULE', 'off');
    resetConfigForTests();
    expect(startVerifySchedulerIfEnabled()).toBe(false);
    vi.stubEnv('VERIFY_SCHEDULE', 'fortnightly');
    resetConfigForTests();
    expect(() => startVerifySchedulerIfEnabled()).toThrow(
      /VERIFY_SCHEDULE: expected off, hourly, daily or weekly/,
    );
    vi.stubEnv('VERIFY_SCHEDULE', '');
    resetConfigForTests();
  });

  it('verifies an instance’s latest successful backup once per period', async () => {
    const lab = SEED_INSTANCE_IDS.verifyLab;
    expect(await latestVerification(lab)).toBeNull();
    expect(verificationFlag(null)).toBe('never_verified');
    const latest = emulator.dataset.backupsFor(lab)[0]!;
    expect(await checkInstance({ instanceId: lab, regionId: region(lab) }, DAY)).toBe(1);
    const done = await eventually(
      () => latestVerification(lab),
      (r) => r !== null,
    );
    expect(done).toMatchObject({ backupId: String(latest.BackupId), origin: 'scheduled', user: null });

    // Within the period: nothing more. A period later: again.
    expect(await checkInstance({ instanceId: lab, regionId: region(lab) }, DAY)).toBe(0);
    expect(await checkInstance({ instanceId: lab, regionId: region(lab) }, DAY, Date.now() + 2 * DAY)).toBe(
      1,
    );
    await eventually(
      () => latestVerification(lab),
      (r) => r !== null && r.finishedAt !== done!.finishedAt,
    );
  });

  it('queues every shard of a cluster’s latest job, behind a person’s request', async () => {
    const cluster = SEED_INSTANCE_IDS.cluster;
    const runner = getVerificationRunner();
    // Something long reading first, so the queue's order shows.
    const standard = SEED_INSTANCE_IDS.standard;
    const big = emulator.dataset.backupsFor(standard).find((b) => b.BackupStatus === 'Success')!;
    runner.enqueue({
      instanceId: standard,
      backupId: String(big.BackupId),
      jobId: null,
      size: big.BackupSize,
      origin: 'manual',
      user: null,
    });
    const queued = await checkInstance({ instanceId: cluster, regionId: region(cluster) }, DAY);
    const latestJob = emulator.dataset.backupsFor(cluster)[0]!.BackupJobID;
    const shards = emulator.dataset
      .backupsFor(cluster)
      .filter((b) => b.BackupJobID === latestJob && b.BackupStatus === 'Success');
    expect(queued).toBe(shards.length);
    expect(runner.busyWith(cluster)).toBe(true);
    // Busy with it: the next look adds nothing.
    expect(await checkInstance({ instanceId: cluster, regionId: region(cluster) }, DAY)).toBe(0);

    const someone = emulator.dataset.backupsFor(SEED_INSTANCE_IDS.verifyLab)[1]!;
    const manual = runner.enqueue({
      instanceId: SEED_INSTANCE_IDS.verifyLab,
      backupId: String(someone.BackupId),
      jobId: null,
      size: someone.BackupSize,
      origin: 'manual',
      user: { name: 'dora', role: 'downloader' },
    });
    expect(manual).toMatchObject({ state: 'queued', ahead: 0 });
    expect(runner.job(cluster, String(shards[0]!.BackupId))).toMatchObject({ state: 'queued', ahead: 1 });
    expect(runner.job(standard, String(big.BackupId))?.state).toBe('running');
    runner.cancelAll();
  });
});
