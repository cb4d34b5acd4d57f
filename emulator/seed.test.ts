import { describe, expect, it } from 'vitest';
import { SEED_INSTANCE_IDS, createDataset } from './seed';

const NOW = new Date('2025-06-15T12:34:56Z');
const DAY = 86_400_000;

describe('createDataset', () => {
  it('is deterministic for the same anchor', () => {
    const a = createDataset(NOW);
    const b = createDataset(NOW);
    expect(a.instances).toEqual(b.instances);
    for (const id of Object.values(SEED_INSTANCE_IDS)) expect(a.backupsFor(id)).toEqual(b.backupsFor(id));
  });

  it('keeps a backup identical when the emulator restarts later the same day', () => {
    const later = createDataset(new Date(NOW.getTime() + 3_600_000));
    const older = createDataset(NOW).backupsFor(SEED_INSTANCE_IDS.standard)[3];
    expect(later.findBackup(SEED_INSTANCE_IDS.standard, String(older?.BackupId))).toEqual(older);
  });

  it('has ≥5000 backups in the last 30 days on the scale instance', () => {
    const backups = createDataset(NOW).backupsFor(SEED_INSTANCE_IDS.scale);
    const recent = backups.filter((b) => Date.parse(b.BackupStartTime) >= NOW.getTime() - 30 * DAY);
    expect(recent.length).toBeGreaterThanOrEqual(5000);
  });

  it('shares one BackupJobID across ≥8 cluster shards', () => {
    const backups = createDataset(NOW).backupsFor(SEED_INSTANCE_IDS.cluster);
    const job = backups[0]?.BackupJobID;
    const shards = backups.filter((b) => b.BackupJobID === job);
    expect(shards.length).toBeGreaterThanOrEqual(8);
    expect(new Set(shards.map((b) => b.NodeInstanceId)).size).toBe(shards.length);
    expect(shards[0]?.NodeInstanceId).toBe(`${SEED_INSTANCE_IDS.cluster}-db-0`);
  });

  it('has unique ids, newest-first order, 60 days of history, failures and incrementals', () => {
    const ds = createDataset(NOW);
    const all = ds.instances.flatMap((i) => ds.backupsFor(i.InstanceId));
    expect(new Set(all.map((b) => b.BackupId)).size).toBe(all.length);
    const standard = ds.backupsFor(SEED_INSTANCE_IDS.standard);
    const times = standard.map((b) => b.BackupStartTime);
    expect([...times].sort().reverse()).toEqual(times);
    expect(Date.parse(standard.at(-1)?.BackupStartTime ?? '')).toBeLessThan(NOW.getTime() - 60 * DAY);
    const failedShare = all.filter((b) => b.BackupStatus === 'Failed').length / all.length;
    expect(failedShare).toBeGreaterThan(0.005);
    expect(failedShare).toBeLessThan(0.06);
    expect(all.some((b) => b.BackupMode === 'Manual')).toBe(true);
    expect(
      ds.backupsFor(SEED_INSTANCE_IDS.incremental).some((b) => b.BackupType === 'IncrementalBackup'),
    ).toBe(true);
    expect(Math.max(...all.map((b) => b.BackupSize))).toBeGreaterThan(10 * 1024 ** 3);
  });

  it('serves the seed page example verbatim', () => {
    const docs = createDataset(NOW).backupsFor(SEED_INSTANCE_IDS.docExample);
    expect(docs.map((b) => b.BackupId)).toEqual([336077354, 335538809, 335001607]);
    expect(docs[2]?.BackupDownloadURL).toBe(
      'https://rdsbak-hk45-v2.oss-cn-hongkong.aliyuncs.com/http://rdsbak-hk45-v2.oss-cn-hongkong-internal.aliyuncs.com/xxxxxxxxxxx',
    );
  });
});
