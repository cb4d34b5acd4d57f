import {
  DescribeBackupsRequest,
  DescribeInstancesRequest,
  DescribeRegionsRequest,
} from '@alicloud/r-kvstore20150101';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_INSTANCE_IDS } from './seed';
import { startEmulator, type RunningEmulator } from './server';
import { OSS_SIGNER_ID, ossSignerSecret, presignUrl } from './downloads/presign';
import { signParamsV1 } from './signing/v1';
import { signRequestV3 } from './signing/v3';
import { sdkClient, sdkError } from './test-client';

let emu: RunningEmulator;
const DOC = SEED_INSTANCE_IDS.docExample;
const WIDE = { startTime: '2000-01-01T00:00Z', endTime: '2099-01-01T00:00Z' };

function v3Fetch(
  query: Record<string, string>,
  overrides: { date?: string; nonce?: string; action?: string } = {},
) {
  const headers = signRequestV3({
    host: `127.0.0.1:${emu.port}`,
    action: overrides.action ?? 'DescribeBackups',
    query,
    accessKeyId: emu.accessKeyId,
    accessKeySecret: emu.accessKeySecret,
    date: overrides.date,
    nonce: overrides.nonce,
  });
  const { host: _host, ...sendable } = headers;
  return fetch(`${emu.url}/?${new URLSearchParams(query)}`, { method: 'POST', headers: sendable });
}

function v1Url(params: Record<string, string>): string {
  const signed = signParamsV1('GET', { Version: '2015-01-01', ...params }, emu);
  return `${emu.url}/?${new URLSearchParams(signed)}`;
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.faults.reset();
});

describe('DescribeBackups through the official SDK', () => {
  it('returns exactly the three documented backups', async () => {
    const res = await sdkClient(emu).describeBackups(
      new DescribeBackupsRequest({
        instanceId: DOC,
        startTime: '2019-03-11T10:00Z',
        endTime: '2019-03-14T18:00Z',
      }),
    );
    const body = res.body!;
    expect(body.totalCount).toBe(3);
    expect(body.pageSize).toBe(30);
    const backups = body.backups?.backup ?? [];
    expect(backups.map((b) => b.backupId)).toEqual([336077354, 335538809, 335001607]);
    expect(backups[0]).toMatchObject({
      backupStartTime: '2019-03-14T05:28:50Z',
      backupEndTime: '2019-03-14T05:31:13Z',
      backupSize: 1024,
      backupStatus: 'Success',
      backupMode: 'Automated',
      engineVersion: '4.0',
      nodeInstanceId: DOC,
    });
    expect(backups[1]?.backupDownloadURL).toBe(
      'http://rdsbak-hk45-v2.oss-cn-hongkong-internal.aliyuncs.com/xxxxxxxxxxx',
    );
  });

  it('pages the scale instance and reports the total', async () => {
    const res = await sdkClient(emu).describeBackups(
      new DescribeBackupsRequest({
        instanceId: SEED_INSTANCE_IDS.scale,
        ...WIDE,
        pageSize: 300,
        pageNumber: 2,
      }),
    );
    expect(res.body?.totalCount).toBeGreaterThanOrEqual(5000);
    expect(res.body?.backups?.backup).toHaveLength(300);
  });

  it('rejects a wrong secret with the server string to sign', async () => {
    const err = await sdkError(sdkClient(emu, 'wrong').describeRegions(new DescribeRegionsRequest({})));
    expect(err.code).toBe('SignatureDoesNotMatch');
    expect(String(err.data.Message)).toContain('server string to sign is:ACS3-HMAC-SHA256\n');
    expect(err.data).toHaveProperty('RequestId');
    expect(err.data).toHaveProperty('Recommend');
  });

  it.each([
    [{ pageSize: 25 }, 'InvalidParameter'],
    [{ startTime: '2019-13-11T10:00Z' }, 'InvalidStartTime.Malformed'],
    [{ endTime: '2019-03-14T18:00:00Z' }, 'InvalidEndTime.Malformed'],
    [{ endTime: '2019-03-01T00:00Z' }, 'InvalidParameter'],
    [{ instanceId: 'r-nope' }, 'InvalidInstanceId.NotFound'],
  ])('validates %j → %s', async (override, code) => {
    const req = new DescribeBackupsRequest({
      instanceId: DOC,
      startTime: '2019-03-11T10:00Z',
      endTime: '2019-03-14T18:00Z',
      ...override,
    });
    const err = await sdkError(sdkClient(emu).describeBackups(req));
    expect(err.code).toBe(code);
  });

  it('names a missing StartTime', async () => {
    const err = await sdkError(
      sdkClient(emu).describeBackups(
        new DescribeBackupsRequest({ instanceId: DOC, endTime: '2019-03-14T18:00Z' }),
      ),
    );
    expect(err.code).toBe('MissingParameter');
    expect(err.data.Message).toBe(
      'The input parameter "StartTime" that is mandatory for processing this request is not supplied.',
    );
  });
});

describe('DescribeInstances and DescribeRegions', () => {
  it('lists, filters and searches instances', async () => {
    const client = sdkClient(emu);
    const all = await client.describeInstances(new DescribeInstancesRequest({ regionId: 'cn-hangzhou' }));
    expect(all.body?.instances?.KVStoreInstance?.map((i) => i.instanceId)).toContain(DOC);
    const rw = await client.describeInstances(
      new DescribeInstancesRequest({ regionId: 'cn-hangzhou', architectureType: 'rwsplit' }),
    );
    expect(rw.body?.instances?.KVStoreInstance?.map((i) => i.instanceId)).toEqual([
      SEED_INSTANCE_IDS.rwsplit,
    ]);
    const cluster = await client.describeInstances(
      new DescribeInstancesRequest({ regionId: 'cn-shanghai', searchKey: 'FEED' }),
    );
    expect(cluster.body?.instances?.KVStoreInstance?.[0]).toMatchObject({
      shardCount: 8,
      architectureType: 'cluster',
    });
    const err = await sdkError(client.describeInstances(new DescribeInstancesRequest({})));
    expect(err.code).toBe('MissingParameter');
  });

  it('lists regions in English on request', async () => {
    const res = await sdkClient(emu).describeRegions(new DescribeRegionsRequest({ acceptLanguage: 'en-US' }));
    const regions = res.body?.regionIds?.KVStoreRegion ?? [];
    expect(regions.length).toBeGreaterThanOrEqual(2);
    expect(regions.find((r) => r.regionId === 'ap-southeast-1')?.localName).toBe('Singapore');
  });
});

describe('signature edge cases over raw HTTP', () => {
  const query = { InstanceId: DOC, StartTime: '2019-03-11T10:00Z', EndTime: '2019-03-14T18:00Z' };

  it('rejects a replayed nonce', async () => {
    const first = await v3Fetch(query, { nonce: 'replay-me-once' });
    expect(first.status).toBe(200);
    const again = await v3Fetch(query, { nonce: 'replay-me-once' });
    expect(((await again.json()) as { Code: string }).Code).toBe('SignatureNonceUsed');
  });

  it('rejects a timestamp older than 15 minutes', async () => {
    const date = new Date(Date.now() - 16 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const res = await v3Fetch(query, { date });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { Code: string }).Code).toBe('InvalidTimeStamp.Expired');
  });

  it('rejects a body that does not match x-acs-content-sha256', async () => {
    const headers = signRequestV3({
      host: `127.0.0.1:${emu.port}`,
      action: 'DescribeRegions',
      accessKeyId: emu.accessKeyId,
      accessKeySecret: emu.accessKeySecret,
    });
    const { host: _host, ...sendable } = headers;
    const res = await fetch(`${emu.url}/`, {
      method: 'POST',
      headers: { ...sendable, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'RegionId=x',
    });
    expect(((await res.json()) as { Code: string }).Code).toBe('SignatureDoesNotMatch');
  });

  it('rejects an unknown key and an incomplete Authorization header', async () => {
    const unknown = await fetch(v1Url({ Action: 'DescribeRegions', AccessKeyId: 'nobody' }));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { Code: string }).Code).toBe('InvalidAccessKeyId.NotFound');
    const incomplete = await fetch(`${emu.url}/?Action=DescribeRegions&Version=2015-01-01`, {
      headers: { authorization: 'ACS3-HMAC-SHA256 Credential=x' },
    });
    expect(((await incomplete.json()) as { Code: string }).Code).toBe('IncompleteSignature');
  });

  it('accepts V1 signatures and answers XML when asked', async () => {
    const json = await fetch(v1Url({ Action: 'DescribeBackups', ...query }));
    expect(json.status).toBe(200);
    expect(((await json.json()) as { TotalCount: number }).TotalCount).toBe(3);
    const xml = await fetch(v1Url({ Action: 'DescribeBackups', Format: 'XML', ...query }));
    const text = await xml.text();
    expect(text).toContain('<DescribeBackupsResponse><RequestId>');
    expect(text.match(/<Backup>/g)).toHaveLength(3);
    const xmlError = await fetch(
      v1Url({ Action: 'DescribeBackups', Format: 'XML', ...query, PageSize: '25' }),
    );
    expect(await xmlError.text()).toMatch(/<Error>.*<Code>InvalidParameter<\/Code>.*<\/Error>/);
  });

  it('answers an unknown action with InvalidAction.NotFound', async () => {
    const res = await fetch(v1Url({ Action: 'DescribeEverything' }));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { Code: string }).Code).toBe('InvalidAction.NotFound');
  });
});

describe('downloads', () => {
  async function smallBackup() {
    const res = await sdkClient(emu).describeBackups(
      new DescribeBackupsRequest({ instanceId: SEED_INSTANCE_IDS.scale, ...WIDE, pageSize: 300 }),
    );
    const ok = (res.body?.backups?.backup ?? []).filter((b) => b.backupStatus === 'Success');
    return ok.reduce((a, b) => ((a.backupSize ?? 0) <= (b.backupSize ?? 0) ? a : b));
  }

  it('streams exactly BackupSize bytes with the right headers, and ranges', async () => {
    const backup = await smallBackup();
    const url = backup.backupDownloadURL ?? '';
    expect(url.startsWith(`${emu.url}/oss/${SEED_INSTANCE_IDS.scale}/`)).toBe(true);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-length')).toBe(String(backup.backupSize));
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="hins\d+_data_\d{14}\.rdb"$/,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(backup.backupSize);
    expect(bytes.subarray(0, 5).toString()).toBe('REDIS');

    const part = await fetch(url, { headers: { range: 'bytes=100000-' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100000))).toBe(true);
    const intranet = await fetch(backup.backupIntranetDownloadURL ?? '', { method: 'HEAD' });
    expect(intranet.headers.get('content-length')).toBe(String(backup.backupSize));
  });

  it('refuses tampered and expired URLs with OSS XML', async () => {
    const url = new URL((await smallBackup()).backupDownloadURL ?? '');
    url.searchParams.set('Expires', String(Number(url.searchParams.get('Expires')) + 60));
    const tampered = await fetch(url);
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toMatch(
      /^<\?xml[\s\S]*<Code>SignatureDoesNotMatch<\/Code>[\s\S]*<RequestId>/,
    );

    const expired = presignUrl({
      baseUrl: emu.url,
      pathname: url.pathname,
      expires: Math.floor(Date.now() / 1000) - 1,
      accessKeyId: OSS_SIGNER_ID,
      secret: ossSignerSecret(emu.accessKeySecret),
    });
    const res = await fetch(expired);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Message>Request has expired.</Message>');

    const missing = presignUrl({
      baseUrl: emu.url,
      pathname: '/oss/r-nope/1/x.rdb',
      expires: Math.floor(Date.now() / 1000) + 60,
      accessKeyId: OSS_SIGNER_ID,
      secret: ossSignerSecret(emu.accessKeySecret),
    });
    expect((await fetch(missing)).status).toBe(404);
  });
});

describe('faults and admin', () => {
  it('throttles above the configured rate', async () => {
    emu.faults.update({ throttleRps: 1 });
    const client = sdkClient(emu);
    await client.describeRegions(new DescribeRegionsRequest({}));
    const err = await sdkError(client.describeRegions(new DescribeRegionsRequest({})));
    expect(err.code).toBe('Throttling.User');
  });

  it('injects 5xx and malformed bodies', async () => {
    emu.faults.update({ errorRate: 1, seed: 7 });
    const err = await sdkError(sdkClient(emu).describeRegions(new DescribeRegionsRequest({})));
    expect(['InternalError', 'ServiceUnavailable']).toContain(err.code);
    emu.faults.update({ errorRate: 0, malformedRate: 1 });
    const res = await fetch(v1Url({ Action: 'DescribeRegions' }));
    await expect(res.json()).rejects.toThrow();
  });

  it('validates admin input and counts requests per action', async () => {
    const bad = await fetch(`${emu.url}/__admin/faults`, {
      method: 'PUT',
      body: JSON.stringify({ errorRate: 2 }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('errorRate');
    const unknown = await fetch(`${emu.url}/__admin/faults`, {
      method: 'POST',
      body: JSON.stringify({ chaos: true }),
    });
    expect(((await unknown.json()) as { error: { field: string } }).error.field).toBe('chaos');
    const ok = await fetch(`${emu.url}/__admin/faults`, {
      method: 'PUT',
      body: JSON.stringify({ latencyMs: 5 }),
    });
    expect(((await ok.json()) as { latencyMs: number }).latencyMs).toBe(5);
    await fetch(`${emu.url}/__admin/faults`, { method: 'DELETE' });
    expect(
      ((await (await fetch(`${emu.url}/__admin/faults`)).json()) as { latencyMs: number }).latencyMs,
    ).toBe(0);

    await fetch(`${emu.url}/__admin/stats/reset`, { method: 'POST' });
    await sdkClient(emu).describeRegions(new DescribeRegionsRequest({}));
    const stats = (await (await fetch(`${emu.url}/__admin/stats`)).json()) as {
      actions: Record<string, number>;
      total: number;
    };
    expect(stats.actions).toEqual({ DescribeRegions: 1 });
    expect(stats.total).toBe(1);
  });
});
