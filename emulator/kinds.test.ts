import {
  DescribeBackupTasksRequest,
  DescribeBackupsRequest,
  DescribeClusterBackupListRequest,
  DescribeInstanceAttributeRequest,
  DescribeInstancesRequest,
} from '@alicloud/r-kvstore20150101';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '@/lib/testing/eventually';
import { SEED_INSTANCE_IDS } from './seed';
import { taskState, type BackupTask } from './seed/backup-tasks';
import { startEmulator, type RunningEmulator } from './server';
import { sdkClient, sdkError } from './test-client';

// The newer backup APIs, driven by the official SDK's own methods: the SDK is the peer that proves the
// emulator speaks the protocol (GET for DescribeClusterBackupList, the models' field names and types).

let emu: RunningEmulator;
const NATIVE = SEED_INSTANCE_IDS.cloudNative;
const BIG = SEED_INSTANCE_IDS.bigCluster;
const TAIR = SEED_INSTANCE_IDS.incremental;
const DAY = 86_400_000;
const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';

function sets(extra: Partial<DescribeClusterBackupListRequest> = {}, client = sdkClient(emu)) {
  return client.describeClusterBackupList(
    new DescribeClusterBackupListRequest({
      regionId: 'cn-hangzhou',
      instanceId: NATIVE,
      startTime: minute(Date.now() - 40 * DAY),
      endTime: minute(Date.now() + 60_000),
      pageSize: 100,
      ...extra,
    }),
  );
}

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${emu.url}/__admin/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(() => emu.policies.reset());

describe('describeInstanceAttribute', () => {
  it('reports a cloud-native cluster by its node type and shard count', async () => {
    const res = await sdkClient(emu).describeInstanceAttribute(
      new DescribeInstanceAttributeRequest({ instanceId: NATIVE }),
    );
    const attr = res.body?.instances?.DBInstanceAttribute?.[0];
    expect(attr).toMatchObject({
      instanceId: NATIVE,
      architectureType: 'cluster',
      nodeType: 'MASTER_SLAVE',
      shardCount: 16,
      realInstanceClass: 'tair.rdb.1g',
    });
    expect(attr?.backupLogStartTime).toBeUndefined();
  });

  it('reports a classic cluster with the classic node type, and 256 shards', async () => {
    const res = await sdkClient(emu).describeInstanceAttribute(
      new DescribeInstanceAttributeRequest({ instanceId: BIG }),
    );
    expect(res.body?.instances?.DBInstanceAttribute?.[0]).toMatchObject({
      architectureType: 'cluster',
      nodeType: 'double',
      shardCount: 256,
    });
  });

  it('gives the flashback start of an instance with incremental backup on', async () => {
    const res = await sdkClient(emu).describeInstanceAttribute(
      new DescribeInstanceAttributeRequest({ instanceId: TAIR }),
    );
    const start = res.body?.instances?.DBInstanceAttribute?.[0]?.backupLogStartTime ?? '';
    expect(start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const logs = emu.dataset.backupsFor(TAIR).filter((b) => b.BackupType === 'IncrementalBackup');
    expect(start).toBe(logs.at(-1)?.BackupStartTime);
  });

  it('answers InvalidInstanceId.NotFound for an unknown instance', async () => {
    const err = await sdkError(
      sdkClient(emu).describeInstanceAttribute(
        new DescribeInstanceAttributeRequest({ instanceId: 'r-nope' }),
      ),
    );
    expect(err.code).toBe('InvalidInstanceId.NotFound');
  });

  it('lists the cloud-native cluster with its node type in DescribeInstances too', async () => {
    const res = await sdkClient(emu).describeInstances(
      new DescribeInstancesRequest({ regionId: 'cn-hangzhou', instanceIds: NATIVE }),
    );
    expect(res.body?.instances?.KVStoreInstance?.[0]).toMatchObject({
      nodeType: 'MASTER_SLAVE',
      shardCount: 16,
    });
  });
});

describe('describeClusterBackupList', () => {
  it('lists a set a day, each with its 16 node backups, sizes and URLs', async () => {
    const body = (await sets()).body!;
    const list = body.clusterBackups ?? [];
    expect(list.length).toBeGreaterThanOrEqual(29);
    expect(body.pageSize).toBe(100);
    expect(body.fullStorageSize).toBeGreaterThan(0);
    const whole = list.find((s) => s.isAvail === 1)!;
    expect(whole.clusterBackupId).toMatch(/^cb-[0-9a-z]{16}$/);
    expect(whole.clusterBackupStatus).toBe('OK');
    expect(whole.progress).toBe('100%');
    expect(whole.backups).toHaveLength(16);
    const node = whole.backups![0]!;
    expect(node).toMatchObject({
      backupStatus: 'OK',
      isAvail: '1',
      engine: 'redis',
      instanceName: `${NATIVE}-db-0`,
    });
    expect(node.backupId).toMatch(/^\d+$/);
    expect(Number(whole.clusterBackupSize)).toBe(
      whole.backups!.reduce((n, b) => n + Number(b.backupSize), 0),
    );
    const head = await fetch(node.backupDownloadURL!, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(node.backupSize);
    expect(head.headers.get('content-disposition')).toContain(node.backupName!);
  });

  it('marks the set that lost two nodes unavailable, node by node', async () => {
    const list = (await sets()).body!.clusterBackups ?? [];
    const incomplete = list.filter((s) => s.isAvail === 0);
    expect(incomplete).toHaveLength(1);
    const lost = incomplete[0]!.backups!.filter((b) => b.isAvail === '0');
    expect(lost.map((b) => b.instanceName)).toEqual([`${NATIVE}-db-4`, `${NATIVE}-db-11`]);
    expect(lost.every((b) => b.backupStatus === 'ERROR' && b.backupDownloadURL === '')).toBe(true);
  });

  it('pages until a short page, filters by ClusterBackupId and can leave the shards out', async () => {
    const all = (await sets()).body!.clusterBackups!;
    const pages = [];
    for (let n = 1; ; n++) {
      const p = (await sets({ pageSize: 5, pageNumber: n })).body!.clusterBackups ?? [];
      pages.push(...p);
      if (p.length < 5) break;
    }
    expect(pages.map((s) => s.clusterBackupId)).toEqual(all.map((s) => s.clusterBackupId));
    const one = (await sets({ clusterBackupId: all[3]!.clusterBackupId, noShardBackup: 'True' })).body!;
    expect(one.clusterBackups).toHaveLength(1);
    expect(one.clusterBackups![0]!.backups).toBeUndefined();
  });

  it('validates the page size and the window', async () => {
    expect((await sdkError(sets({ pageSize: 25 }))).code).toBe('InvalidParameter');
    expect((await sdkError(sets({ startTime: '2026-01-01' }))).code).toBe('InvalidStartTime.Malformed');
    expect((await sdkError(sets({ regionId: 'cn-shanghai' }))).code).toBe('InvalidInstanceId.NotFound');
  });

  it('is what serves a cloud-native cluster: DescribeBackups lists nothing there', async () => {
    const res = await sdkClient(emu).describeBackups(
      new DescribeBackupsRequest({
        instanceId: NATIVE,
        startTime: minute(Date.now() - 40 * DAY),
        endTime: minute(Date.now()),
      }),
    );
    expect(res.body?.totalCount).toBe(0);
  });
});

describe('describeBackups with needAof', () => {
  const request = (needAof?: string) =>
    new DescribeBackupsRequest({
      instanceId: TAIR,
      startTime: minute(Date.now() - 2 * DAY),
      endTime: minute(Date.now()),
      pageSize: 300,
      needAof,
    });

  it('adds the AOF log backups only when asked', async () => {
    const without = (await sdkClient(emu).describeBackups(request())).body!;
    const withAof = (await sdkClient(emu).describeBackups(request('1'))).body!;
    const types = (b: typeof without) => new Set(b.backups?.backup?.map((x) => x.backupType));
    expect(types(without)).toEqual(new Set(['FullBackup']));
    expect(types(withAof)).toEqual(new Set(['FullBackup', 'IncrementalBackup']));
    const logs = withAof.backups!.backup!.filter((b) => b.backupType === 'IncrementalBackup');
    expect(withAof.totalCount).toBe(without.totalCount! + logs.length);
    expect(logs.length).toBeGreaterThanOrEqual(24);
    expect(withAof.logStorageSize).toBeGreaterThan(0);
  });

  it('rejects a value other than 0 or 1', async () => {
    expect((await sdkError(sdkClient(emu).describeBackups(request('yes')))).code).toBe('InvalidParameter');
  });
});

describe('describeBackupTasks', () => {
  it('follows a manual backup from NoStart to Finished, then lists it', async () => {
    const started = await admin('POST', `instances/${SEED_INSTANCE_IDS.standard}/backup-tasks`, {
      durationSeconds: 3,
      size: 4096,
    });
    expect(started.status).toBe(201);
    const jobId = String(started.body.BackupJobID);
    const seen: { status: string; progress: number }[] = [];
    const poll = async () => {
      const res = await sdkClient(emu).describeBackupTasks(
        new DescribeBackupTasksRequest({ instanceId: SEED_INSTANCE_IDS.standard, backupJobId: jobId }),
      );
      const job = res.body!.backupJobs![0]!;
      expect(job).toMatchObject({ jobMode: 'Manual', taskAction: 'TempBackupTask' });
      seen.push({ status: job.backupProgressStatus!, progress: Number(job.progress) });
      return job.backupProgressStatus;
    };
    expect(await eventually(poll, (s) => s === 'Finished', 10_000)).toBe('Finished');
    const order = ['NoStart', 'Preparing', 'Waiting', 'Uploading', 'Checking', 'Finished'];
    const ranks = seen.map((s) => order.indexOf(s.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBeGreaterThanOrEqual(3);
    expect(seen.map((s) => s.progress)).toEqual(seen.map((s) => s.progress).sort((a, b) => a - b));
    expect(seen.at(-1)!.progress).toBe(100);

    const listed = await sdkClient(emu).describeBackups(
      new DescribeBackupsRequest({
        instanceId: SEED_INSTANCE_IDS.standard,
        startTime: minute(Date.now() - DAY),
        endTime: minute(Date.now()),
        backupJobId: Number(jobId),
      }),
    );
    expect(listed.body?.backups?.backup).toEqual([
      expect.objectContaining({ backupMode: 'Manual', backupStatus: 'Success', backupSize: 4096 }),
    ]);
  });

  it('shows a cloud-native cluster’s running backup as a RUNNING set, then a whole one', async () => {
    const started = await admin('POST', `instances/${NATIVE}/backup-tasks`, {
      durationSeconds: 2,
      size: 1024,
    });
    const running = (await sets({ startTime: minute(Date.now() - 600_000) })).body!.clusterBackups![0]!;
    expect(running).toMatchObject({ clusterBackupStatus: 'RUNNING', clusterBackupMode: 'Manual' });
    expect(running.progress).toMatch(/^\d{1,2}%$/);
    const done = await eventually(
      async () => (await sets({ clusterBackupId: running.clusterBackupId })).body!.clusterBackups![0]!,
      (s) => s.clusterBackupStatus === 'OK',
      10_000,
    );
    expect(done.backups).toHaveLength(16);
    expect(done.backups!.every((b) => b.backupSize === '1024')).toBe(true);
    expect(started.status).toBe(201);
  });

  it('refuses a bad duration naming the field', async () => {
    const res = await admin('POST', `instances/${SEED_INSTANCE_IDS.standard}/backup-tasks`, {
      durationSeconds: 0,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: 'durationSeconds' });
  });

  it('walks the phases by the clock alone', () => {
    const task: BackupTask = { jobId: 1, instanceId: 'r-x', startMs: 0, durationMs: 60_000, settled: false };
    const at = (s: number) => taskState(task, s * 1000);
    expect([at(0), at(5), at(20), at(55), at(60)]).toEqual([
      { phase: 'NoStart', progress: 0 },
      { phase: 'Preparing', progress: 8 },
      { phase: 'Uploading', progress: 33 },
      { phase: 'Checking', progress: 91 },
      { phase: 'Finished', progress: 100 },
    ]);
  });
});

describe('RAM denials', () => {
  it('answers NoPermission with the AccessDeniedDetail to the restricted key', async () => {
    const restricted = sdkClient(emu, emu.restrictedAccessKeySecret, emu.restrictedAccessKeyId);
    const err = await sdkError(sets({}, restricted));
    expect(err.statusCode).toBe(403);
    expect(err.code).toBe('NoPermission');
    expect(err.accessDeniedDetail).toMatchObject({
      AuthAction: 'kvstore:DescribeClusterBackupList',
      PolicyType: 'AccountLevelIdentityBasedPolicy',
      NoPermissionType: 'ImplicitDeny',
    });
    // The same key may still read backups the older way.
    const ok = await restricted.describeBackups(
      new DescribeBackupsRequest({
        instanceId: SEED_INSTANCE_IDS.standard,
        startTime: minute(Date.now() - DAY),
        endTime: minute(Date.now()),
      }),
    );
    expect(ok.statusCode).toBe(200);
  });

  it('lets a test deny an action to any key at runtime, and reset it', async () => {
    const put = await admin('PUT', `access-keys/${emu.accessKeyId}/denied-actions`, {
      actions: ['DescribeInstanceAttribute'],
    });
    expect(put.body[emu.accessKeyId]).toEqual(['DescribeInstanceAttribute']);
    const request = new DescribeInstanceAttributeRequest({ instanceId: NATIVE });
    expect((await sdkError(sdkClient(emu).describeInstanceAttribute(request))).code).toBe('NoPermission');
    await admin('DELETE', 'access-keys');
    expect((await sdkClient(emu).describeInstanceAttribute(request)).statusCode).toBe(200);
  });
});

describe('a classic cluster with 256 shards', () => {
  it('lists one job as 256 backups on one page of 300', async () => {
    const res = await sdkClient(emu).describeBackups(
      new DescribeBackupsRequest({
        instanceId: BIG,
        startTime: minute(Date.now() - 3 * DAY),
        endTime: minute(Date.now()),
        pageSize: 300,
      }),
    );
    const job = res.body!.backups!.backup![0]!.backupJobID;
    const inJob = await sdkClient(emu).describeBackups(
      new DescribeBackupsRequest({
        instanceId: BIG,
        startTime: minute(Date.now() - 3 * DAY),
        endTime: minute(Date.now()),
        pageSize: 300,
        backupJobId: job,
      }),
    );
    expect(inJob.body!.totalCount).toBe(256);
    const nodes = new Set(inJob.body!.backups!.backup!.map((b) => b.nodeInstanceId));
    expect(nodes.size).toBe(256);
  });
});
