import { DescribeBackupPolicyRequest } from '@alicloud/r-kvstore20150101';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTH_SEED_IDS, SEED_INSTANCE_IDS, createDataset, type RawBackup } from './seed';
import { backupPolicyOf } from './seed/backup-policy';
import { startEmulator, type RunningEmulator } from './server';
import { sdkClient } from './test-client';

// DescribeBackupPolicy agrees with the backups each instance was seeded with, the health seeds are in the
// states they are named after whenever the emulator starts, and the official SDK reads the policy.

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const automated = (backups: RawBackup[]) =>
  backups.filter((b) => b.BackupMode === 'Automated' && b.BackupType === 'FullBackup');
const startMs = (b: RawBackup) => Date.parse(b.BackupStartTime);

// Several anchors: the states must not depend on the weekday or the hour the emulator starts at.
const ANCHORS = [
  '2025-06-15T12:34:56Z',
  '2025-06-16T00:10:00Z',
  '2025-06-18T23:50:00Z',
  '2025-06-20T03:04:00Z',
];

describe.each(ANCHORS)('seeded at %s', (anchor) => {
  const now = new Date(anchor);
  const ds = createDataset(now);

  it('gives every instance a policy its automated backups follow', () => {
    for (const raw of ds.instances) {
      if (raw.InstanceId === SEED_INSTANCE_IDS.docExample) continue;
      const profile = ds.profileOf(raw.InstanceId)!;
      const policy = backupPolicyOf(profile, now.getTime());
      const days = policy.PreferredBackupPeriod.split(',');
      const [from] = policy.PreferredBackupTime.split('-');
      const windowStart = Number(from!.slice(0, 2));
      expect(Number(policy.BackupRetentionPeriod)).toBe(profile.plan.retentionDays);
      const nextMs = Date.parse(policy.PreferredNextBackupTime);
      expect(nextMs).toBeGreaterThan(now.getTime() - 60_000);
      expect(days).toContain(WEEKDAYS[new Date(nextMs).getUTCDay()]);
      if (profile.plan.kind !== 'daily') continue;
      for (const b of automated(ds.backupsFor(raw.InstanceId))) {
        const t = new Date(startMs(b));
        expect(days).toContain(WEEKDAYS[t.getUTCDay()]);
        // Within the window, or within the hour after it (a start that queued behind others).
        const minutes = (t.getUTCHours() - windowStart) * 60 + t.getUTCMinutes();
        expect(minutes).toBeGreaterThanOrEqual(0);
        expect(minutes).toBeLessThan(120);
        expect(Date.parse(b.ExpectExpireTime!) - startMs(b)).toBe(profile.plan.retentionDays * DAY);
      }
      expect(policy.EnableBackupLog).toBe(profile.plan.incrementalsPerDay > 0 ? 1 : 0);
    }
  });

  it('seeds a healthy instance with a success on every one of the last 29 days', () => {
    const days = new Set(ds.backupsFor(HEALTH_SEED_IDS.healthy).map((b) => Math.floor(startMs(b) / DAY)));
    const today = Math.floor(now.getTime() / DAY);
    for (let d = today - 29; d < today; d++) expect(days.has(d)).toBe(true);
    expect(ds.backupsFor(HEALTH_SEED_IDS.healthy).every((b) => b.BackupStatus === 'Success')).toBe(true);
  });

  it('seeds a late instance: weekly backups that stopped 8 days ago', () => {
    const backups = ds.backupsFor(HEALTH_SEED_IDS.late);
    expect(backups.length).toBeGreaterThan(5);
    expect(Math.max(...backups.map(startMs))).toBeLessThan(now.getTime() - 7 * DAY);
    expect(backups.every((b) => b.BackupStatus === 'Success')).toBe(true);
  });

  it('seeds a failure streak after earlier successes', () => {
    const backups = automated(ds.backupsFor(HEALTH_SEED_IDS.streak)); // newest first
    const streak = backups.findIndex((b) => b.BackupStatus === 'Success');
    expect(streak).toBeGreaterThanOrEqual(3);
    expect(backups.slice(streak).every((b) => b.BackupStatus === 'Success')).toBe(true);
  });

  it('seeds an instance that never succeeded', () => {
    const backups = ds.backupsFor(HEALTH_SEED_IDS.never);
    expect(backups.length).toBeGreaterThanOrEqual(18);
    expect(backups.every((b) => b.BackupStatus === 'Failed')).toBe(true);
  });

  it('seeds a cluster whose last jobs each lost one shard', () => {
    const byJob = new Map<number, RawBackup[]>();
    for (const b of ds.backupsFor(HEALTH_SEED_IDS.shardFailed))
      byJob.set(b.BackupJobID!, [...(byJob.get(b.BackupJobID!) ?? []), b]);
    const jobs = [...byJob.values()].sort((a, b) => startMs(b[0]!) - startMs(a[0]!));
    expect(jobs.every((shards) => shards.length === 4)).toBe(true);
    const failedShards = (shards: RawBackup[]) =>
      shards.filter((s) => s.BackupStatus === 'Failed').map((s) => s.NodeInstanceId);
    expect(failedShards(jobs[0]!)).toEqual([`${HEALTH_SEED_IDS.shardFailed}-db-2`]);
    expect(failedShards(jobs[1]!)).toEqual([`${HEALTH_SEED_IDS.shardFailed}-db-2`]);
    expect(jobs.slice(3).every((shards) => failedShards(shards).length === 0)).toBe(true);
  });
});

describe('DescribeBackupPolicy over HTTP', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0 });
  });
  afterAll(() => emu.close());

  it('answers the official SDK', async () => {
    const client = sdkClient(emu);
    const res = await client.describeBackupPolicy(
      new DescribeBackupPolicyRequest({ instanceId: HEALTH_SEED_IDS.late }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.body?.preferredBackupPeriod).toBe('Monday,Wednesday,Friday');
    expect(res.body?.preferredBackupTime).toBe('22:00Z-23:00Z');
    expect(res.body?.backupRetentionPeriod).toBe('30');
    expect(res.body?.preferredNextBackupTime).toMatch(/^\d{4}-\d\d-\d\dT22:\d\dZ$/);
    expect(res.body?.requestId).toBeTruthy();
  });

  it('serves the documentation example verbatim', async () => {
    const res = await sdkClient(emu).describeBackupPolicy(
      new DescribeBackupPolicyRequest({ instanceId: SEED_INSTANCE_IDS.docExample }),
    );
    expect(res.body?.preferredBackupTime).toBe('05:00Z-06:00Z');
    expect(res.body?.preferredNextBackupTime).toBe('2019-03-14T05:28Z');
  });

  it('refuses the restricted instance with a RAM denial and its detail', async () => {
    const err = await sdkClient(emu)
      .describeBackupPolicy(new DescribeBackupPolicyRequest({ instanceId: HEALTH_SEED_IDS.policyDenied }))
      .catch((e: unknown) => e as { code: string; statusCode: number; data: Record<string, unknown> });
    expect(err).toMatchObject({ code: 'Forbidden.RAM', statusCode: 403 });
    expect(err.data.AccessDeniedDetail).toMatchObject({
      AuthAction: 'kvstore:DescribeBackupPolicy',
      NoPermissionType: 'ImplicitDeny',
    });
  });

  it('names the missing or unknown instance', async () => {
    const err = await sdkClient(emu)
      .describeBackupPolicy(new DescribeBackupPolicyRequest({ instanceId: 'r-bp1nosuch0000001' }))
      .catch((e: unknown) => e as { code: string });
    expect(err.code).toBe('InvalidInstanceId.NotFound');
  });

  it('stops backups at runtime through the admin route', async () => {
    const id = HEALTH_SEED_IDS.healthy;
    const before = emu.dataset.backupsFor(id).length;
    const since = new Date(Date.now() - 3 * DAY).toISOString();
    const stop = (body: unknown) =>
      fetch(`${emu.url}/__admin/instances/${id}/stop-backups`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
    const bad = await stop({ since: 'three days ago' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('since');
    const res = await stop({ since });
    expect(res.status).toBe(200);
    const { removed } = (await res.json()) as { removed: string[] };
    expect(removed.length).toBeGreaterThanOrEqual(2);
    expect(emu.dataset.backupsFor(id).length).toBe(before - removed.length);
    expect(Math.max(...emu.dataset.backupsFor(id).map(startMs))).toBeLessThan(Date.parse(since));
    // A backup added afterwards is listed again: that is how a test makes the instance recover.
    emu.dataset.addBackup(id, { size: 1_000_000 });
    expect(Math.max(...emu.dataset.backupsFor(id).map(startMs))).toBeGreaterThan(Date.now() - HOUR);
    const unknown = await fetch(`${emu.url}/__admin/instances/r-nope/stop-backups`, { method: 'POST' });
    expect(unknown.status).toBe(404);
  });
});
