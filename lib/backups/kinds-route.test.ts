import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getBackup } from '@/app/api/instances/[instanceId]/backups/[backupId]/route';
import { GET as getDownload } from '@/app/api/instances/[instanceId]/backups/[backupId]/download/route';
import { GET as getJob } from '@/app/api/instances/[instanceId]/backups/jobs/[jobId]/route';
import { GET as getScript } from '@/app/api/instances/[instanceId]/backups/jobs/[jobId]/script/route';
import { GET as getBackups } from '@/app/api/instances/[instanceId]/backups/route';
import { GET as getTasks } from '@/app/api/instances/[instanceId]/backups/tasks/route';
import { SEED_INSTANCE_IDS } from '@/emulator/seed';
import type { RunningEmulator } from '@/emulator/server';
import type { Backup } from '@/lib/aliyun/types';
import { listAudit } from '@/lib/audit/audit-log';
import { callRoute } from '@/lib/testing/call-route';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';
import { eventually } from '@/lib/testing/eventually';
import type { BackupsAnswer, TasksAnswer } from './answer';
import type { JobDetail } from './list-jobs';

// Every instance kind through the route handlers, the data layer, the index and the real SDK against the
// emulator: cloud-native sets, whole jobs of a 256-shard cluster, log backups, running backups, RAM denials.

vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => ({ name: 'kinds-tester', role: 'admin', scope: null }),
}));

const NATIVE = SEED_INSTANCE_IDS.cloudNative;
const BIG = SEED_INSTANCE_IDS.bigCluster;
const DAY = 86_400_000;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulatorForTests();
});
afterAll(() => stopEmulatorForTests(emulator));

function lastDays(days: number, extra: Record<string, string> = {}): string {
  const end = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 60_000);
  return new URLSearchParams({
    start: new Date(end.getTime() - days * DAY).toISOString(),
    end: end.toISOString(),
    ...extra,
  }).toString();
}

async function backups(instanceId: string, query: string): Promise<BackupsAnswer> {
  const res = await callRoute(getBackups, `/api/instances/${instanceId}/backups?${query}`, { instanceId });
  expect(res.status).toBe(200);
  return res.json();
}

const calls = (action: string) => emulator.stats.snapshot().actions[action] ?? 0;

describe('a cloud-native cluster', () => {
  it('lists sets, each with its nodes, one of them incomplete', async () => {
    const answer = await backups(NATIVE, lastDays(30, { pageSize: '50' }));
    expect(answer.kind).toMatchObject({ kind: 'cloud-native-cluster', shardCount: 16, logStartTime: null });
    expect(answer.rows.length).toBeGreaterThanOrEqual(29);
    expect(answer.rows.every((r) => r.backupId.startsWith('cb-') && r.nodes?.length === 16)).toBe(true);
    const incomplete = answer.rows.filter((r) => r.status === 'Incomplete');
    expect(incomplete).toHaveLength(1);
    expect(incomplete[0]!.set).toEqual({ nodes: 16, unavailable: 2 });
    expect(incomplete[0]!.nodes!.filter((n) => n.status !== 'Success').map((n) => n.nodeInstanceId)).toEqual([
      `${NATIVE}-db-4`,
      `${NATIVE}-db-11`,
    ]);
    expect(answer.facets.status.Incomplete).toBe(1);
    const filtered = await backups(NATIVE, lastDays(30, { status: 'Incomplete' }));
    expect(filtered.rows.map((r) => r.backupId)).toEqual([incomplete[0]!.backupId]);
    expect(JSON.stringify(answer.rows)).not.toContain('http');
  });

  it('downloads one node with a fresh URL, and refuses an unavailable one', async () => {
    const answer = await backups(NATIVE, lastDays(30));
    const set = answer.rows.find((r) => r.status === 'Incomplete')!;
    const good = set.nodes!.find((n) => n.status === 'Success')!;
    const path = (id: string) => `/api/instances/${NATIVE}/backups/${id}/download?format=json`;
    const res = await callRoute(getDownload, path(good.backupId), {
      instanceId: NATIVE,
      backupId: good.backupId,
    });
    expect(res.status).toBe(200);
    const { url } = await res.json();
    const head = await fetch(url, { method: 'HEAD' });
    expect(Number(head.headers.get('content-length'))).toBe(good.size);
    const bad = set.nodes!.find((n) => n.status !== 'Success')!;
    const refused = await callRoute(getDownload, path(bad.backupId), {
      instanceId: NATIVE,
      backupId: bad.backupId,
    });
    expect(refused.status).toBe(409);
  });

  it('builds the whole set’s script, refusing the incomplete one until confirmed', async () => {
    const set = (await backups(NATIVE, lastDays(30))).rows.find((r) => r.status === 'Incomplete')!;
    const path = `/api/instances/${NATIVE}/backups/jobs/${set.backupId}/script`;
    const params = { instanceId: NATIVE, jobId: set.backupId };
    const refused = await callRoute(getScript, path, params);
    expect(refused.status).toBe(409);
    const { error } = await refused.json();
    expect(error.missing.map((m: { node: string }) => m.node)).toEqual([`${NATIVE}-db-4`, `${NATIVE}-db-11`]);
    const script = await (await callRoute(getScript, `${path}?confirm=incomplete`, params)).text();
    expect(script.match(/^wget -c /gm)).toHaveLength(14);
    expect(script).toContain(`# skipped ${NATIVE}-db-4`);
  });

  it('opens one set, or one node, by its id', async () => {
    const set = (await backups(NATIVE, lastDays(30))).rows[0]!;
    const res = await callRoute(getBackup, `/api/instances/${NATIVE}/backups/${set.backupId}`, {
      instanceId: NATIVE,
      backupId: set.backupId,
    });
    expect(((await res.json()) as Backup).nodes).toHaveLength(16);
    const node = set.nodes![3]!;
    const one = await callRoute(getBackup, `/api/instances/${NATIVE}/backups/${node.backupId}`, {
      instanceId: NATIVE,
      backupId: node.backupId,
    });
    expect(await one.json()).toMatchObject({ backupId: node.backupId, backupJobId: set.backupId });
  });
});

describe('whole jobs of a 256-shard classic cluster', () => {
  it('pages by job, each job whole, with its status', async () => {
    const answer = await backups(BIG, lastDays(7, { group: 'job', pageSize: '30' }));
    expect(answer.rows).toEqual([]);
    expect(answer.total).toBe(answer.jobs!.length);
    expect(answer.jobs!.length).toBeGreaterThanOrEqual(6);
    expect(answer.jobs!.every((j) => j.shards === 256 && j.listed === 256)).toBe(true);
    const partial = answer.jobs!.filter((j) => j.status !== 'Success');
    expect(partial).toEqual([expect.objectContaining({ status: 'Partial', failed: 1, missing: 0 })]);
    const detail: JobDetail = await (
      await callRoute(getJob, `/api/instances/${BIG}/backups/jobs/${partial[0]!.jobId}`, {
        instanceId: BIG,
        jobId: partial[0]!.jobId,
      })
    ).json();
    expect(detail.backups).toHaveLength(256);
    expect(detail.backups[2]!.nodeInstanceId).toBe(`${BIG}-db-2`);
    expect(detail.backups.filter((b) => b.status === 'Failed').map((b) => b.nodeInstanceId)).toEqual([
      `${BIG}-db-17`,
    ]);
  });

  it('writes a script with 256 fresh URLs from one upstream listing, audited once with every id', async () => {
    const job = (await backups(BIG, lastDays(7, { group: 'job' }))).jobs!.find(
      (j) => j.status === 'Success',
    )!;
    const before = calls('DescribeBackups');
    const res = await callRoute(
      getScript,
      `/api/instances/${BIG}/backups/jobs/${job.jobId}/script?variant=intranet`,
      { instanceId: BIG, jobId: job.jobId },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`download-job-${job.jobId}.sh`);
    const urls = (await res.text()).match(/'http:\/\/127\.0\.0\.1:\d+\/oss-internal\/[^']+'/g)!;
    expect(urls).toHaveLength(256);
    expect(calls('DescribeBackups') - before).toBe(1);
    const expires = Number(new URL(urls[0]!.slice(1, -1)).searchParams.get('Expires'));
    expect(expires * 1000).toBeGreaterThan(Date.now());
    const audit = (
      await listAudit({ action: 'job_script', page: 1, pageSize: 10, format: 'json' })
    ).rows.filter((r) => r.instanceId === BIG);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.backupId!.split(',')).toHaveLength(256);
    expect(audit[0]).toMatchObject({ instanceId: BIG, variant: 'intranet', user: 'kinds-tester' });
  });

  it('refuses the job with a failed shard unless confirmed, naming it', async () => {
    const job = (await backups(BIG, lastDays(7, { group: 'job' }))).jobs!.find(
      (j) => j.status === 'Partial',
    )!;
    const path = `/api/instances/${BIG}/backups/jobs/${job.jobId}/script`;
    const refused = await callRoute(getScript, path, { instanceId: BIG, jobId: job.jobId });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.missing).toEqual([
      expect.objectContaining({
        node: `${BIG}-db-17`,
        cause: 'status',
        status: 'Failed',
        reason: 'status Failed, no file',
      }),
    ]);
    const ok = await callRoute(getScript, `${path}?confirm=incomplete`, {
      instanceId: BIG,
      jobId: job.jobId,
    });
    expect((await ok.text()).match(/^wget -c /gm)).toHaveLength(255);
    const audit = (await listAudit({ action: 'job_script', page: 1, pageSize: 1, format: 'json' })).rows[0]!;
    expect(audit.detail).toContain(`confirmed without ${BIG}-db-17`);
  });
});

describe('log backups', () => {
  it('are indexed for an instance with flashback, filtered by Type, with its window', async () => {
    const id = SEED_INSTANCE_IDS.incremental;
    const answer = await backups(id, lastDays(2, { type: 'IncrementalBackup', pageSize: '100' }));
    expect(answer.kind.logStartTime).toMatch(/Z$/);
    expect(answer.total).toBeGreaterThanOrEqual(24);
    expect(answer.rows.every((r) => r.type === 'IncrementalBackup')).toBe(true);
    expect(answer.facets.type.FullBackup).toBeGreaterThan(0);
  });
});

describe('running backups', () => {
  it('shares one upstream call among viewers and puts the finished backup in the table', async () => {
    const id = SEED_INSTANCE_IDS.rwsplit;
    const query = lastDays(1);
    const before = await backups(id, query);
    const started = await fetch(`${emulator.url}/__admin/instances/${id}/backup-tasks`, {
      method: 'POST',
      body: JSON.stringify({ durationSeconds: 2, size: 2048 }),
    });
    const { BackupJobID } = await started.json();
    const poll = async () =>
      (await (
        await callRoute(getTasks, `/api/instances/${id}/backups/tasks`, { instanceId: id })
      ).json()) as TasksAnswer;

    const calledBefore = calls('DescribeBackupTasks');
    const viewers = await Promise.all(Array.from({ length: 5 }, poll));
    expect(calls('DescribeBackupTasks') - calledBefore).toBe(1);
    expect(viewers[0]!.tasks[0]).toMatchObject({ jobId: String(BackupJobID), mode: 'Manual' });

    const done = await eventually(poll, (a) => a.tasks[0]?.status === 'Finished', 15_000);
    expect(done.tasks[0]!.progress).toBe(100);
    const after = await backups(id, query);
    expect(after.rows[0]).toMatchObject({ backupJobId: String(BackupJobID), mode: 'Manual', size: 2048 });
    expect(after.totals.count).toBe(before.totals.count + 1);
  });
});

describe('a RAM denial', () => {
  it('says which action and which policy type, and nothing about who', async () => {
    emulator.policies.setDenied(emulator.accessKeyId, ['DescribeBackups']);
    try {
      const id = SEED_INSTANCE_IDS.empty;
      const res = await callRoute(getBackups, `/api/instances/${id}/backups?${lastDays(3)}`, {
        instanceId: id,
      });
      expect(res.status).toBe(403);
      const text = await res.text();
      expect(JSON.parse(text).error).toMatchObject({
        code: 'forbidden',
        accessDenied: {
          action: 'kvstore:DescribeBackups',
          policyType: 'AccountLevelIdentityBasedPolicy',
          denyType: 'ImplicitDeny',
        },
      });
      for (const secret of [
        '1234567890123456',
        'emulator-user',
        'EncodedDiagnosticMessage',
        emulator.accessKeyId,
      ])
        expect(text).not.toContain(secret);
    } finally {
      emulator.policies.reset();
    }
  });
});
