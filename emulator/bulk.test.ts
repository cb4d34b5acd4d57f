import { DescribeBackupsRequest, DescribeInstancesRequest } from '@alicloud/r-kvstore20150101';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SEED_INSTANCE_IDS,
  checkScaleBackups,
  createDataset,
  parseScaleBackups,
  type RawBackup,
} from './seed';
import { startEmulator, type RunningEmulator } from './server';
import { sdkClient } from './test-client';

const BULK = SEED_INSTANCE_IDS.bulk;
const NOW = new Date('2025-06-15T12:34:56Z');
const DAY = 86_400_000;
const t = (b: RawBackup) => Date.parse(b.BackupStartTime);

describe('the bulk instance in the dataset', () => {
  const n = 20_000;
  const ds = createDataset(NOW, { scaleBackups: n });
  const all = ds.listBackups(BULK).rows;

  it('does not exist without the option', () => {
    const plain = createDataset(NOW);
    expect(plain.findInstance(BULK)).toBeUndefined();
    expect(plain.listBackups(BULK)).toEqual({ total: 0, rows: [] });
  });

  it('is a standard Redis 7.0 instance in ap-southeast-1', () => {
    expect(ds.findInstance(BULK)).toMatchObject({
      InstanceName: 'bulk-load-test',
      RegionId: 'ap-southeast-1',
      ArchitectureType: 'standard',
      EngineVersion: '7.0',
    });
  });

  it('has exactly n backups, newest first, spread evenly over the 365 days before now', () => {
    expect(all).toHaveLength(n);
    expect(ds.listBackups(BULK, {}, 0, 0).total).toBe(n);
    const times = all.map(t);
    expect(times.every((x, i) => i === 0 || x < times[i - 1]!)).toBe(true);
    expect(times[0]).toBeLessThan(NOW.getTime());
    expect(times.at(-1)).toBeGreaterThan(NOW.getTime() - 365 * DAY);
    expect(times.at(-1)).toBeLessThan(NOW.getTime() - 364 * DAY);
    const gaps = times.slice(1).map((x, i) => times[i]! - x);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1000);
    // Every backup has finished by now, so none is hidden as "running".
    expect(Date.parse(all[0]!.BackupEndTime)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('has unique ids growing with time, below 2^53, apart from every other instance', () => {
    const ids = all.map((b) => b.BackupId);
    expect(new Set(ids).size).toBe(n);
    expect(ids.every((id, i) => i === 0 || id < ids[i - 1]!)).toBe(true);
    expect(Math.max(...ids)).toBeLessThan(2 ** 53);
    const others = new Set(
      ds.instances
        .filter((i) => i.InstanceId !== BULK)
        .flatMap((i) => ds.backupsFor(i.InstanceId).map((b) => b.BackupId)),
    );
    expect(others.size).toBeGreaterThan(5000);
    expect(ids.filter((id) => others.has(id))).toEqual([]);
  });

  it('looks like real backups: mostly Success, some Failed and Manual, sizes varying', () => {
    const failed = all.filter((b) => b.BackupStatus === 'Failed');
    expect(failed.length / n).toBeGreaterThan(0.01);
    expect(failed.length / n).toBeLessThan(0.04);
    expect(failed.every((b) => b.BackupSize === 0)).toBe(true);
    const manual = all.filter((b) => b.BackupMode === 'Manual').length / n;
    expect(manual).toBeGreaterThan(0.02);
    expect(manual).toBeLessThan(0.1);
    const sizes = new Set(all.filter((b) => b.BackupStatus === 'Success').map((b) => b.BackupSize));
    expect(sizes.size).toBeGreaterThan(n * 0.9);
    expect(all[0]).toMatchObject({
      BackupType: 'FullBackup',
      BackupMethod: 'Physical',
      NodeInstanceId: BULK,
      EngineVersion: '7.0',
      BackupJobID: all[0]!.BackupId / 32,
    });
    expect(Date.parse(all[0]!.ExpectExpireTime!) - t(all[0]!)).toBe(365 * DAY);
  });

  it('is deterministic and finds every backup by id', () => {
    const again = createDataset(NOW, { scaleBackups: n });
    expect(again.listBackups(BULK, {}, 5000, 50).rows).toEqual(all.slice(5000, 5050));
    for (const b of all.slice(0, 500)) expect(ds.findBackup(BULK, String(b.BackupId))).toEqual(b);
    for (const bad of ['0', '1', String(all[0]!.BackupId + 32), `${all[0]!.BackupId}0`, 'abc'])
      expect(ds.findBackup(BULK, bad)).toBeUndefined();
  });

  it('answers time windows and pages by index exactly as filtering the whole list would', () => {
    const windows = [
      [t(all[100]!), t(all[50]!)],
      [t(all[100]!) + 1, t(all[50]!) + 1],
      [NOW.getTime() - 30 * DAY, NOW.getTime()],
      [0, t(all.at(-1)!) + 1],
      [NOW.getTime(), NOW.getTime() + DAY],
    ] as const;
    for (const [fromMs, toMs] of windows) {
      const expected = all.filter((b) => t(b) >= fromMs && t(b) < toMs);
      expect(ds.listBackups(BULK, { fromMs, toMs }, 0, 0).total).toBe(expected.length);
      for (const offset of [0, 7, expected.length - 3]) {
        expect(ds.listBackups(BULK, { fromMs, toMs }, Math.max(0, offset), 30).rows).toEqual(
          expected.slice(Math.max(0, offset), Math.max(0, offset) + 30),
        );
      }
    }
  });

  it('filters by BackupId and BackupJobId', () => {
    const b = all[42]!;
    expect(ds.listBackups(BULK, { backupId: String(b.BackupId) }).rows).toEqual([b]);
    expect(ds.listBackups(BULK, { jobId: String(b.BackupJobID) }).rows).toEqual([b]);
    expect(ds.listBackups(BULK, { backupId: String(b.BackupId), toMs: t(b) }).total).toBe(0);
  });

  it('sums storage over all backups', () => {
    const sum = all.reduce((s, b) => s + b.BackupSize, 0);
    expect(ds.storageOf(BULK)).toMatchObject({ FullStorageSize: sum, LogStorageSize: 0 });
  });

  it('refuses to materialize the whole list', () => {
    expect(() => ds.backupsFor(BULK)).toThrow(/listBackups/);
  });
});

describe('runtime changes on the bulk instance (overlay)', () => {
  it('merges added, changed and removed backups into every window and page', () => {
    const n = 3000;
    const ds = createDataset(NOW, { scaleBackups: n });
    const base = ds.listBackups(BULK).rows;
    const before = ds.storageOf(BULK).FullStorageSize;
    const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

    const added = [
      ds.addBackup(BULK, { startTime: ago(1000), size: 5000 }),
      ds.addBackup(BULK, { startTime: base[10]!.BackupStartTime, size: 6000 }), // same second as a computed one
      ds.addBackup(BULK, { startTime: ago(100 * DAY), status: 'Failed', mode: 'Manual' }),
      ds.addBackup(BULK, { startTime: ago(400 * DAY), size: 7000 }), // older than the retention
    ];
    const failedNow = ds.setBackupStatus(BULK, String(base[3]!.BackupId), { status: 'Failed' });
    const removed = [base[0]!, base[11]!, base[12]!, base[2000]!, base.at(-1)!].map((b) =>
      ds.removeBackup(BULK, String(b.BackupId)),
    );
    ds.removeBackup(BULK, String(added[0]!.BackupId));

    const gone = new Set([...removed, added[0]!].map((b) => b.BackupId));
    const expected = [...base.map((b) => (b.BackupId === failedNow.BackupId ? failedNow : b)), ...added]
      .filter((b) => !gone.has(b.BackupId))
      // Newest first; same second: computed before added (their ids carry a higher kind).
      .sort((a, b) => t(b) - t(a) || a.BackupId - b.BackupId);

    expect(ds.listBackups(BULK).rows).toEqual(expected);
    expect(expected).toHaveLength(n + 3 - 5);
    expect(expected.indexOf(added[1]!)).toBe(
      expected.findIndex((b) => b.BackupId === base[10]!.BackupId) + 1,
    );
    const windows = [
      [0, Infinity],
      [t(base[2100]!), t(base[5]!) + 1],
      [Date.parse(ago(101 * DAY)), Date.parse(ago(99 * DAY))],
    ] as const;
    for (const [fromMs, toMs] of windows) {
      const want = expected.filter((b) => t(b) >= fromMs && t(b) < toMs);
      expect(ds.listBackups(BULK, { fromMs, toMs }, 0, 0).total).toBe(want.length);
      for (let offset = 0; offset < want.length + 40; offset += 37) {
        expect(ds.listBackups(BULK, { fromMs, toMs }, offset, 40).rows).toEqual(
          want.slice(offset, offset + 40),
        );
      }
    }

    expect(ds.findBackup(BULK, String(base[0]!.BackupId))).toBeUndefined();
    expect(ds.findBackup(BULK, String(added[1]!.BackupId))).toEqual(added[1]);
    expect(ds.findBackup(BULK, String(base[3]!.BackupId))).toMatchObject({
      BackupStatus: 'Failed',
      BackupSize: 0,
    });
    const removedSize = removed.reduce((s, b) => s + b.BackupSize, 0);
    expect(ds.storageOf(BULK).FullStorageSize).toBe(before + 6000 + 7000 - base[3]!.BackupSize - removedSize);

    const back = ds.setBackupStatus(BULK, String(base[3]!.BackupId), { status: 'Success' });
    expect(back.BackupSize).toBe(base[3]!.BackupSize);
  });
});

describe('scale option validation', () => {
  it('accepts whole numbers 1..5,000,000 and names the problem otherwise', () => {
    expect(parseScaleBackups(undefined)).toBeUndefined();
    expect(parseScaleBackups('')).toBeUndefined();
    expect(parseScaleBackups('1000000')).toBe(1_000_000);
    expect(parseScaleBackups('5000000')).toBe(5_000_000);
    for (const bad of ['0', '5000001', '-3', '1e6', '12.5', 'many', '1_000']) {
      expect(() => parseScaleBackups(bad)).toThrow(
        `EMULATOR_SCALE_BACKUPS must be a whole number from 1 to 5,000,000, got "${bad}"`,
      );
    }
    expect(() => checkScaleBackups(0)).toThrow(
      'scaleBackups must be a whole number from 1 to 5,000,000, got 0',
    );
  });

  it('makes startEmulator reject a bad count', async () => {
    await expect(startEmulator({ port: 0, scaleBackups: 2.5 })).rejects.toThrow(/scaleBackups/);
    expect(() => createDataset(NOW, { scaleBackups: 0 })).toThrow(/scaleBackups/);
  });
});

describe('a million backups over HTTP', () => {
  const n = 1_000_000;
  let emu: RunningEmulator;
  let heapBefore = 0;

  beforeAll(async () => {
    heapBefore = process.memoryUsage().heapUsed;
    emu = await startEmulator({ port: 0, scaleBackups: n });
  });
  afterAll(() => emu.close());

  const request = (over: Partial<DescribeBackupsRequest> = {}) =>
    sdkClient(emu).describeBackups(
      new DescribeBackupsRequest({
        instanceId: BULK,
        startTime: '2000-01-01T00:00Z',
        endTime: '2099-01-01T00:00Z',
        pageSize: 300,
        ...over,
      }),
    );

  // Memory, not time, proves nothing was materialized: a timed assertion would flake on a busy machine.
  it('starts without materializing the backups', async () => {
    const first = await request();
    expect(first.body?.totalCount).toBe(n);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
  });

  it('is listed by DescribeInstances', async () => {
    const res = await sdkClient(emu).describeInstances(
      new DescribeInstancesRequest({ regionId: 'ap-southeast-1' }),
    );
    expect(res.body?.instances?.KVStoreInstance?.map((i) => i.instanceId)).toContain(BULK);
  });

  it('pages to the very end by index, newest first', async () => {
    const first = (await request()).body!;
    const rows = first.backups?.backup ?? [];
    expect(rows).toHaveLength(300);
    const times = rows.map((b) => Date.parse(b.backupStartTime ?? ''));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(first.fullStorageSize).toBeGreaterThan(n * 1024 * 1024);

    const lastPage = Math.ceil(n / 300);
    const last = (await request({ pageNumber: lastPage })).body!;
    expect(last.backups?.backup).toHaveLength(n - (lastPage - 1) * 300);
    expect((await request({ pageNumber: lastPage + 1 })).body?.backups?.backup ?? []).toEqual([]);
  });

  it('counts a time range exactly', async () => {
    const now = emu.dataset.now.getTime();
    const day = new Date(now - 10 * DAY).toISOString().slice(0, 10);
    const res = (await request({ startTime: `${day}T00:00Z`, endTime: `${day}T23:59Z` })).body!;
    const fromMs = Date.parse(`${day}T00:00Z`);
    const expected = emu.dataset.listBackups(BULK, { fromMs, toMs: fromMs + DAY }, 0, 0).total;
    expect(res.totalCount).toBe(expected);
    // One backup every ~31.5 s.
    expect(expected).toBeGreaterThanOrEqual(2739);
    expect(expected).toBeLessThanOrEqual(2740);
  });

  it('serves a file for a bulk backup through its presigned URL', async () => {
    const rows = (await request({ pageNumber: 1234 })).body?.backups?.backup ?? [];
    const ok = rows.find((b) => b.backupStatus === 'Success')!;
    const res = await fetch(ok.backupDownloadURL ?? '');
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).length).toBe(ok.backupSize);
    const failed = (await request({ pageNumber: 1 })).body?.backups?.backup?.find(
      (b) => b.backupStatus === 'Failed',
    );
    if (failed) expect(failed.backupDownloadURL).toBe('');
  });
});
