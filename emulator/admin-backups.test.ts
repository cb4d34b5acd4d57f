import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_INSTANCE_IDS, type RawBackup } from './seed';
import { startEmulator, type RunningEmulator } from './server';
import { signParamsV1 } from './signing/v1';

// Runtime changes through /__admin/instances/{id}/backups, observed the way a client sees them: DescribeBackups
// and the presigned downloads.

const STANDARD = SEED_INSTANCE_IDS.standard;
const BULK = SEED_INSTANCE_IDS.bulk;
const WIDE = { StartTime: '2000-01-01T00:00Z', EndTime: '2099-01-01T00:00Z' };

interface Listing {
  TotalCount: number;
  FullStorageSize: number;
  LogStorageSize: number;
  Backups: { Backup: RawBackup[] };
}

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, scaleBackups: 5000 });
});
afterAll(() => emu.close());

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${emu.url}/__admin/instances/${path}`, {
    method,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as RawBackup & { error: { field: string; message: string } },
  };
}

async function list(instanceId: string, extra: Record<string, string> = {}): Promise<Listing> {
  const params = {
    Version: '2015-01-01',
    Action: 'DescribeBackups',
    InstanceId: instanceId,
    ...WIDE,
    ...extra,
  };
  const res = await fetch(`${emu.url}/?${new URLSearchParams(signParamsV1('GET', params, emu))}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Listing;
}

const ago = (ms: number) => new Date(Date.now() - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('POST /__admin/instances/{id}/backups', () => {
  it('adds a finished Success backup a minute ago by default, listed first and counted', async () => {
    const before = await list(STANDARD);
    const { status, body } = await admin('POST', `${STANDARD}/backups`);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      BackupStatus: 'Success',
      BackupType: 'FullBackup',
      BackupMode: 'Automated',
      BackupMethod: 'Physical',
      NodeInstanceId: STANDARD,
      EngineVersion: '6.0',
      BackupDBNames: 'all',
    });
    expect(Math.abs(Date.parse(body.BackupStartTime) - (Date.now() - 60_000))).toBeLessThan(5000);
    expect(body.BackupSize).toBeGreaterThan(1000 * 1024 * 1024);
    expect(body.BackupJobID).toBe(body.BackupId / 32);
    expect(body.BackupDownloadURL).toMatch(
      new RegExp(`/oss/${STANDARD}/${body.BackupId}/hins\\d+_data_\\d{14}\\.rdb\\?`),
    );

    const after = await list(STANDARD);
    expect(after.TotalCount).toBe(before.TotalCount + 1);
    expect(after.Backups.Backup[0]?.BackupId).toBe(body.BackupId);
    expect(after.Backups.Backup[0]?.BackupId).toBeGreaterThan(before.Backups.Backup[0]!.BackupId);
    expect(after.FullStorageSize).toBe(before.FullStorageSize + body.BackupSize);
  });

  it('places an older backup in time order and makes it downloadable', async () => {
    const startTime = ago(10 * 86_400_000 + 3_600_000);
    const { status, body } = await admin('POST', `${STANDARD}/backups`, {
      startTime,
      size: 300_000,
      mode: 'Manual',
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ BackupStartTime: startTime, BackupSize: 300_000, BackupMode: 'Manual' });

    const rows = (await list(STANDARD, { PageSize: '300' })).Backups.Backup;
    const at = rows.findIndex((b) => b.BackupId === body.BackupId);
    expect(at).toBeGreaterThan(0);
    expect(Date.parse(rows[at - 1]!.BackupStartTime)).toBeGreaterThanOrEqual(Date.parse(startTime));
    expect(Date.parse(rows[at + 1]!.BackupStartTime)).toBeLessThan(Date.parse(startTime));
    const file = await fetch(rows[at]!.BackupDownloadURL);
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBe(300_000);
  });

  it('adds Failed backups without a file and incrementals to LogStorageSize', async () => {
    const failed = await admin('POST', `${STANDARD}/backups`, {
      status: 'Failed',
      startTime: ago(7_200_000),
    });
    expect(failed.body).toMatchObject({ BackupStatus: 'Failed', BackupSize: 0, BackupDownloadURL: '' });

    const tair = SEED_INSTANCE_IDS.incremental;
    const before = await list(tair);
    const inc = await admin('POST', `${tair}/backups`, { type: 'IncrementalBackup', size: 4096 });
    expect(inc.body).toMatchObject({ BackupType: 'IncrementalBackup', BackupMethod: 'Physical' });
    expect(inc.body.BackupDownloadURL).toMatch(/\.aof\?/);
    const after = await list(tair);
    expect(after.LogStorageSize).toBe(before.LogStorageSize + 4096);
    expect(after.FullStorageSize).toBe(before.FullStorageSize);
  });

  it('names the first shard of a cluster and honours nodeInstanceId', async () => {
    const cluster = SEED_INSTANCE_IDS.cluster;
    const a = await admin('POST', `${cluster}/backups`, { size: 1000, startTime: ago(3_600_000) });
    expect(a.body.NodeInstanceId).toBe(`${cluster}-db-0`);
    const b = await admin('POST', `${cluster}/backups`, { size: 1000, nodeInstanceId: `${cluster}-db-3` });
    expect(b.body.NodeInstanceId).toBe(`${cluster}-db-3`);
  });

  it('gives backups added in the same second distinct ids, and refuses an explicit clash', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => admin('POST', `${STANDARD}/backups`, { size: 10 })));
    expect(new Set(ids.map((r) => r.body.BackupId)).size).toBe(3);
    const startTime = ago(5 * 3_600_000);
    expect((await admin('POST', `${STANDARD}/backups`, { startTime, size: 10 })).status).toBe(201);
    const clash = await admin('POST', `${STANDARD}/backups`, { startTime, size: 10 });
    expect(clash.status).toBe(409);
    expect(clash.body.error.field).toBe('startTime');
  });

  it.each([
    ['not json', '{', ''],
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['a bad status', { status: 'Broken' }, 'status'],
    ['a negative size', { size: -1 }, 'size'],
    ['a fractional size', { size: 1.5 }, 'size'],
    ['a size on a Failed backup', { status: 'Failed', size: 10 }, 'size'],
    ['a time without a zone', { startTime: '2025-06-01T02:10:00' }, 'startTime'],
    ['an impossible date', { startTime: '2025-02-30T02:10:00Z' }, 'startTime'],
    ['a time in the future', { startTime: new Date(Date.now() + 3_600_000).toISOString() }, 'startTime'],
    ['a bad type', { type: 'Snapshot' }, 'type'],
    ['a bad mode', { mode: 'Cron' }, 'mode'],
    ['a bad method', { method: 'Magic' }, 'method'],
  ])('rejects %s with 400 naming the field', async (_name, body, field) => {
    const res = await admin('POST', `${STANDARD}/backups`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toEqual(expect.any(String));
  });

  it('answers 404 naming the instance, and 409 for the read-only documentation example', async () => {
    const res = await admin('POST', 'r-nope/backups', {});
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ field: 'instanceId', message: 'No instance r-nope.' });
    const doc = await admin('POST', `${SEED_INSTANCE_IDS.docExample}/backups`, {});
    expect(doc.status).toBe(409);
    expect(doc.body.error.field).toBe('instanceId');
    expect((await admin('GET', `${STANDARD}/backups`)).status).toBe(404);
  });
});

describe('PATCH and DELETE /__admin/instances/{id}/backups/{backupId}', () => {
  it('fails a backup (size 0, no file) and restores it with its old size', async () => {
    const added = (await admin('POST', `${STANDARD}/backups`, { size: 123_456, startTime: ago(9_000_000) }))
      .body;
    const url = added.BackupDownloadURL;
    const storage = (await list(STANDARD)).FullStorageSize;

    const failed = await admin('PATCH', `${STANDARD}/backups/${added.BackupId}`, { status: 'Failed' });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ BackupStatus: 'Failed', BackupSize: 0, BackupDownloadURL: '' });
    const listed = await list(STANDARD, { BackupId: String(added.BackupId) });
    expect(listed.Backups.Backup[0]).toMatchObject({
      BackupStatus: 'Failed',
      BackupSize: 0,
      BackupDownloadURL: '',
    });
    expect(listed.FullStorageSize).toBe(storage - 123_456);
    const gone = await fetch(url);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('<Code>NoSuchKey</Code>');

    const back = await admin('PATCH', `${STANDARD}/backups/${added.BackupId}`, { status: 'Success' });
    expect(back.body).toMatchObject({ BackupStatus: 'Success', BackupSize: 123_456 });
    expect((await fetch(url)).status).toBe(200);
    expect((await list(STANDARD)).FullStorageSize).toBe(storage);
  });

  it('changes seeded backups too', async () => {
    const seeded = (await list(STANDARD, { PageNumber: '3' })).Backups.Backup.find(
      (b) => b.BackupStatus === 'Success',
    )!;
    await admin('PATCH', `${STANDARD}/backups/${seeded.BackupId}`, { status: 'Failed' });
    expect(
      (await list(STANDARD, { BackupId: String(seeded.BackupId) })).Backups.Backup[0]?.BackupStatus,
    ).toBe('Failed');
    const again = await admin('PATCH', `${STANDARD}/backups/${seeded.BackupId}`, {
      status: 'Success',
      size: 777,
    });
    expect(again.body.BackupSize).toBe(777);
  });

  it('expires a backup: gone from DescribeBackups, storage and downloads', async () => {
    const rows = (await list(STANDARD)).Backups.Backup;
    const victim = rows.find((b) => b.BackupStatus === 'Success')!;
    const before = await list(STANDARD);
    const res = await admin('DELETE', `${STANDARD}/backups/${victim.BackupId}`);
    expect(res.status).toBe(200);
    expect(res.body.BackupId).toBe(victim.BackupId);

    const after = await list(STANDARD);
    expect(after.TotalCount).toBe(before.TotalCount - 1);
    expect(after.Backups.Backup.map((b) => b.BackupId)).not.toContain(victim.BackupId);
    expect(after.FullStorageSize).toBe(before.FullStorageSize - victim.BackupSize);
    expect((await list(STANDARD, { BackupId: String(victim.BackupId) })).TotalCount).toBe(0);
    const download = await fetch(victim.BackupDownloadURL);
    expect(download.status).toBe(404);
    expect(await download.text()).toContain('<Code>NoSuchKey</Code>');

    const twice = await admin('DELETE', `${STANDARD}/backups/${victim.BackupId}`);
    expect(twice.status).toBe(404);
    expect(twice.body.error.field).toBe('backupId');
  });

  it('answers 404 for unknown instances or backups and 400 for a bad status', async () => {
    expect((await admin('PATCH', 'r-nope/backups/1', { status: 'Failed' })).body.error.field).toBe(
      'instanceId',
    );
    const unknown = await admin('PATCH', `${STANDARD}/backups/42`, { status: 'Failed' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({
      field: 'backupId',
      message: `Instance ${STANDARD} has no backup 42.`,
    });
    expect((await admin('DELETE', `${STANDARD}/backups/nope`)).status).toBe(404);
    const id = (await list(STANDARD)).Backups.Backup[0]!.BackupId;
    const missing = await admin('PATCH', `${STANDARD}/backups/${id}`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('status');
    const bad = await admin('PATCH', `${STANDARD}/backups/${id}`, { status: 'Expired' });
    expect(bad.body.error.field).toBe('status');
  });
});

describe('runtime changes on the bulk instance', () => {
  it('adds, fails and expires backups on top of the computed ones', async () => {
    const before = await list(BULK);
    expect(before.TotalCount).toBe(5000);

    const added = (await admin('POST', `${BULK}/backups`, { size: 2048 })).body;
    const computed = before.Backups.Backup.filter((b) => b.BackupStatus === 'Success');
    const [toFail, toExpire] = [computed[1]!, computed[2]!];
    expect((await admin('PATCH', `${BULK}/backups/${toFail.BackupId}`, { status: 'Failed' })).status).toBe(
      200,
    );
    expect((await admin('DELETE', `${BULK}/backups/${toExpire.BackupId}`)).status).toBe(200);

    const after = await list(BULK);
    expect(after.TotalCount).toBe(5000);
    expect(after.Backups.Backup[0]?.BackupId).toBe(added.BackupId);
    expect(after.Backups.Backup.map((b) => b.BackupId)).not.toContain(toExpire.BackupId);
    expect(after.Backups.Backup.find((b) => b.BackupId === toFail.BackupId)).toMatchObject({
      BackupStatus: 'Failed',
      BackupSize: 0,
      BackupDownloadURL: '',
    });
    expect(after.FullStorageSize).toBe(
      before.FullStorageSize + 2048 - toFail.BackupSize - toExpire.BackupSize,
    );
    expect((await fetch(after.Backups.Backup[0]!.BackupDownloadURL)).status).toBe(200);
    expect((await fetch(toExpire.BackupDownloadURL)).status).toBe(404);
    expect((await fetch(toFail.BackupDownloadURL)).status).toBe(404);

    // Paging still lands on every backup exactly once.
    const pages = await Promise.all(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((p) =>
        list(BULK, { PageSize: '300', PageNumber: String(p) }),
      ),
    );
    const ids = pages.flatMap((p) => p.Backups.Backup.map((b) => b.BackupId));
    expect(ids).toHaveLength(5000);
    expect(new Set(ids).size).toBe(5000);
  });
});
