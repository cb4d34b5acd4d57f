import { describe, expect, it, vi } from 'vitest';
import { createKvstoreClient, type SdkLike } from './client';
import { AliyunError } from './errors';
import type { RpcAction, RpcQuery } from './sdk';

type Handler = (action: RpcAction, query: RpcQuery, attempt: number) => unknown;

function fakeSdk(handler: Handler) {
  const calls: { regionId: string; action: RpcAction; query: RpcQuery }[] = [];
  const createSdk = vi.fn((regionId: string): SdkLike => ({
    async call(action, query) {
      calls.push({ regionId, action, query });
      return handler(action, query, calls.length - 1);
    },
  }));
  return { calls, createSdk };
}

function sdkError(statusCode: number, code: string) {
  return Object.assign(new Error(`${code}: code: ${statusCode}, nope request id: RID-123456`), {
    name: 'ClientError',
    statusCode,
    code,
    data: { Code: code, Message: 'nope', RequestId: 'RID-123456' },
  });
}

const input = {
  regionId: 'cn-hangzhou',
  instanceId: 'r-bp1xxxxxxxxxxxxx',
  startTime: '2019-03-11T10:00Z',
  endTime: '2019-03-14T18:00Z',
  pageSize: 30 as const,
  pageNumber: 1,
};

const noSleep = async () => {};

describe('createKvstoreClient', () => {
  it('retries throttling with a fresh call each time, then succeeds', async () => {
    const { calls, createSdk } = fakeSdk((_a, _q, attempt) => {
      if (attempt < 2) throw sdkError(400, 'Throttling.User');
      return { TotalCount: 1, Backups: { Backup: [{ BackupId: '336077354' }] } };
    });
    const sleep = vi.fn(noSleep);
    const client = createKvstoreClient({ createSdk, retries: 3, sleep, random: () => 0.5 });
    const page = await client.describeBackups(input);
    expect(page.backups.map((b) => b.backupId)).toEqual(['336077354']);
    expect(calls).toHaveLength(3);
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(calls[0]?.query).toEqual({
      InstanceId: 'r-bp1xxxxxxxxxxxxx',
      StartTime: '2019-03-11T10:00Z',
      EndTime: '2019-03-14T18:00Z',
      PageSize: 30,
      PageNumber: 1,
      BackupId: undefined,
      BackupJobId: undefined,
    });
  });

  it('does not retry InvalidParameter and throws a mapped AliyunError', async () => {
    const { calls, createSdk } = fakeSdk(() => {
      throw sdkError(400, 'InvalidParameter');
    });
    const client = createKvstoreClient({ createSdk, retries: 3, sleep: noSleep });
    const err = await client.describeBackups(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AliyunError);
    expect(err).toMatchObject({
      kind: 'invalid_input',
      status: 400,
      code: 'InvalidParameter',
      requestId: 'RID-123456',
    });
    expect(calls).toHaveLength(1);
  });

  it('retries 5xx and network failures, then gives up after N retries', async () => {
    const { calls, createSdk } = fakeSdk((_a, _q, attempt) => {
      throw attempt % 2
        ? sdkError(503, 'ServiceUnavailable')
        : Object.assign(new Error('x'), { code: 'ECONNRESET' });
    });
    const client = createKvstoreClient({ createSdk, retries: 2, sleep: noSleep });
    await expect(client.describeRegions()).rejects.toMatchObject({ kind: 'unavailable', retryable: true });
    expect(calls).toHaveLength(3);
  });

  it('pages describeInstances with PageSize 50 until TotalCount', async () => {
    const all = Array.from({ length: 120 }, (_, i) => ({ InstanceId: `r-${i}`, InstanceName: `n${i}` }));
    const { calls, createSdk } = fakeSdk((_a, q) => {
      const n = Number(q.PageNumber);
      return {
        TotalCount: '120',
        PageNumber: n,
        PageSize: 50,
        Instances: { KVStoreInstance: all.slice((n - 1) * 50, n * 50) },
      };
    });
    const client = createKvstoreClient({ createSdk, retries: 0 });
    const instances = await client.describeInstances('cn-shenzhen');
    expect(instances).toHaveLength(120);
    expect(instances[119]).toMatchObject({ instanceId: 'r-119', regionId: 'cn-shenzhen' });
    expect(calls.map((c) => c.query)).toEqual(
      [1, 2, 3].map((p) => ({ RegionId: 'cn-shenzhen', PageSize: 50, PageNumber: p })),
    );
  });

  it('stops paging on an empty page even if TotalCount lies', async () => {
    const { calls, createSdk } = fakeSdk((_a, q) =>
      Number(q.PageNumber) === 1
        ? { TotalCount: 999, Instances: { KVStoreInstance: [{ InstanceId: 'r-1' }] } }
        : { TotalCount: 999 },
    );
    const client = createKvstoreClient({ createSdk, retries: 0 });
    expect(await client.describeInstances('cn-hangzhou')).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('creates one SDK per region and reuses it', async () => {
    const { createSdk } = fakeSdk(() => ({}));
    const client = createKvstoreClient({ createSdk, retries: 0, defaultRegionId: 'cn-beijing' });
    await client.describeRegions();
    await client.describeInstances('cn-shenzhen');
    await client.describeInstances('cn-shenzhen');
    await client.describeRegions();
    expect(createSdk.mock.calls.map((c) => c[0])).toEqual(['cn-beijing', 'cn-shenzhen']);
  });
});
