import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getBackups } from '@/app/api/instances/[instanceId]/backups/route';
import { POST as postRefresh } from '@/app/api/instances/[instanceId]/backups/refresh/route';
import {
  DELETE as cancelVerify,
  POST as postVerify,
} from '@/app/api/instances/[instanceId]/backups/[backupId]/verify/route';
import { POST as postJobVerify } from '@/app/api/instances/[instanceId]/jobs/[jobId]/verify/route';
import { GET as getVerifications } from '@/app/api/instances/[instanceId]/verifications/route';
import { SEED_INSTANCE_IDS, type RawBackup } from '@/emulator/seed';
import { damageOf } from '@/emulator/seed/verify-lab';
import type { RunningEmulator } from '@/emulator/server';
import { listAudit } from '@/lib/audit/audit-log';
import { auditQuerySchema } from '@/lib/audit/audit-query';
import type { SessionUser } from '@/lib/auth/roles';
import { callRoute } from '@/lib/testing/call-route';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';
import { eventually } from '@/lib/testing/eventually';
import { getSyncEngine } from '@/lib/backup-index/sync-engine';
import { resetConfigForTests } from '@/lib/config';
import { fleetHealth } from '@/lib/fleet/fleet-health';
import { fetchInstances } from '@/lib/instances/fetch-instances';
import { metricsResponse } from '@/lib/metrics/collect';
import { latestVerification, verificationFlag } from './status';
import type { BackupVerification, StartAnswer, VerificationsAnswer } from './verification';

// The verify routes end to end: route handler, runner, a fresh presigned URL through the SDK, the file read
// over HTTP from the emulator, the result in the index, the audit log.

let user: SessionUser = { name: 'dora', role: 'downloader', scope: null };
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => user }));

let emulator: RunningEmulator;
const DAY = 86_400_000;
const lab = SEED_INSTANCE_IDS.verifyLab;

beforeAll(async () => {
  emulator = await startEmulatorForTests();
  // Slow enough that a gigabyte is still being read when the test cancels it; the lab's files pass at once.
  vi.stubEnv('VERIFY_MAX_BYTES_PER_SECOND', String(20 * 1024 * 1024));
  vi.stubEnv('VERIFY_MAX_CONCURRENT', '2');
});

afterAll(() => stopEmulatorForTests(emulator));

async function index(instanceId: string, days: number): Promise<void> {
  const end = emulator.dataset.now.getTime();
  const qs = new URLSearchParams({
    start: new Date(end - days * DAY).toISOString(),
    end: new Date(end).toISOString(),
  });
  const res = await callRoute(getBackups, `/api/instances/${instanceId}/backups?${qs}`, { instanceId });
  expect(res.status).toBe(200);
}

function verify(instanceId: string, backupId: string, method = 'POST') {
  const path = `/api/instances/${instanceId}/backups/${backupId}/verify`;
  return callRoute(method === 'POST' ? postVerify : cancelVerify, path, { instanceId, backupId }, { method });
}

async function stateOf(instanceId: string, backupIds: string[]): Promise<VerificationsAnswer> {
  const path = `/api/instances/${instanceId}/verifications?backupIds=${backupIds.join(',')}`;
  const res = await callRoute(getVerifications, path, { instanceId });
  expect(res.status).toBe(200);
  return res.json();
}

async function finished(instanceId: string, backupId: string): Promise<BackupVerification | undefined> {
  const answer = await eventually(
    () => stateOf(instanceId, [backupId]),
    (a) => a.verifications[backupId]?.job === null,
  );
  return answer.verifications[backupId];
}

function labBackup(damage: ReturnType<typeof damageOf>): RawBackup {
  const found = emulator.dataset.backupsFor(lab).find((b) => damageOf(lab, b) === damage);
  if (!found) throw new Error(`no lab backup with damage ${damage}`);
  return found;
}

async function auditRows(action: string) {
  return (await listAudit(auditQuerySchema.parse({ action }))).rows;
}

describe('verifying a backup from the console', () => {
  it('reads a valid file once, keeps the result and audits the start and the verdict', async () => {
    await index(lab, 14);
    const backup = labBackup(null);
    const before = emulator.stats.snapshot().downloads;
    const res = await verify(lab, String(backup.BackupId));
    expect(res.status).toBe(202);
    const started: StartAnswer = await res.json();
    expect(started.jobs).toMatchObject([
      { backupId: String(backup.BackupId), size: backup.BackupSize, user: 'dora' },
    ]);

    const state = await finished(lab, String(backup.BackupId));
    expect(state?.failure).toBeNull();
    expect(state?.result).toMatchObject({
      status: 'ok',
      problem: null,
      rdbVersion: 9,
      redisVersion: '6.0.9',
      checksum: 'ok',
      bytesRead: backup.BackupSize,
      size: backup.BackupSize,
      origin: 'manual',
      user: 'dora',
    });
    expect(state!.result!.keys).toBeGreaterThan(10);
    expect(Object.keys(state!.result!.keysByDb).sort()).toEqual(['0', '3']);
    expect(state!.result!.keysByType).toMatchObject({ stream: 1, hash: 2, zset: 2 });
    expect(emulator.stats.snapshot().downloads).toBe(before + 1);

    expect(
      (await auditRows('verify')).some((r) => r.backupId === String(backup.BackupId) && r.user === 'dora'),
    ).toBe(true);
    const verdict = (await auditRows('verify_result')).find((r) => r.backupId === String(backup.BackupId));
    expect(verdict?.detail).toMatch(/^manual: ok · [\d,]+ keys$/);
  });

  it('says where a damaged file is damaged', async () => {
    const flipped = labBackup('flipped-byte');
    const truncated = labBackup('truncated');
    const newer = labBackup('future-version');
    for (const b of [flipped, truncated, newer])
      expect((await verify(lab, String(b.BackupId))).status).toBe(202);
    const [a, b, c] = await Promise.all(
      [flipped, truncated, newer].map((x) => finished(lab, String(x.BackupId))),
    );
    expect(a?.result?.status).toBe('corrupt');
    expect(a?.result?.problem).toMatchObject({ code: 'invalid_type', params: { type: 0x5a } });
    expect(a!.result!.problem!.offset).toBeGreaterThan(9);
    expect(b?.result).toMatchObject({
      status: 'truncated',
      problem: { code: 'truncated', offset: truncated.BackupSize },
    });
    expect(c?.result).toMatchObject({
      status: 'unsupported',
      problem: { code: 'newer_version', params: { version: 13 } },
    });
    expect(verificationFlag(await latestVerification(lab))).toBe('latest_failed');
  });

  it('shows the latest verification on the fleet and in the metrics, and changes the cached pages', async () => {
    const before = getSyncEngine().version(lab);
    const backup = labBackup('flipped-byte');
    expect((await verify(lab, String(backup.BackupId))).status).toBe(202);
    const state = await finished(lab, String(backup.BackupId));
    expect(state?.result?.status).toBe('corrupt');
    // The backups page caches index answers by this version: a new result must not be hidden by it.
    expect(getSyncEngine().version(lab)).not.toBe(before);

    const instances = await fetchInstances(null);
    const entries = await fleetHealth(instances);
    expect(entries.find((e) => e.instanceId === lab)?.verification).toMatchObject({
      flag: 'latest_failed',
      status: 'corrupt',
      at: state!.result!.finishedAt,
    });
    expect(entries.find((e) => e.instanceId === SEED_INSTANCE_IDS.empty)?.verification).toEqual({
      flag: 'never_verified',
      at: null,
      status: null,
      backupId: null,
    });

    vi.stubEnv('METRICS_TOKEN', 'metrics-token-0123456789');
    resetConfigForTests();
    try {
      const text = await (await metricsResponse('Bearer metrics-token-0123456789')).text();
      const at = Date.parse(state!.result!.finishedAt) / 1000;
      expect(text).toContain(
        `kvstore_backup_last_verification_timestamp_seconds{instance_id="${lab}",region="cn-hangzhou"} ${at}`,
      );
      expect(text).toContain(
        `kvstore_backup_last_verification_result{instance_id="${lab}",region="cn-hangzhou",result="corrupt"} 1`,
      );
      expect(text).toContain(
        `kvstore_backup_last_verification_result{instance_id="${lab}",region="cn-hangzhou",result="ok"} 0`,
      );
      const empty = SEED_INSTANCE_IDS.empty;
      expect(text).toMatch(
        new RegExp(
          `kvstore_backup_last_verification_result\\{instance_id="${empty}",region="[a-z0-9-]+",result="never"\\} 1`,
        ),
      );
      expect(text).not.toContain(`kvstore_backup_last_verification_timestamp_seconds{instance_id="${empty}"`);
    } finally {
      vi.stubEnv('METRICS_TOKEN', '');
      resetConfigForTests();
    }
  });

  it('knows a TDE instance is encrypted from its attributes and reads nothing', async () => {
    const tde = SEED_INSTANCE_IDS.tde;
    await index(tde, 7);
    const backup = emulator.dataset.backupsFor(tde)[0]!;
    const before = emulator.stats.snapshot().downloads;
    expect((await verify(tde, String(backup.BackupId))).status).toBe(202);
    const state = await finished(tde, String(backup.BackupId));
    expect(state?.result).toMatchObject({
      status: 'encrypted',
      bytesRead: 0,
      problem: { code: 'encrypted' },
    });
    expect(emulator.stats.snapshot().downloads).toBe(before);
  });

  it('refuses a viewer, a failed or incremental backup, and an instance outside the scope', async () => {
    const backup = labBackup(null);
    user = { name: 'vic', role: 'viewer', scope: null };
    try {
      const res = await verify(lab, String(backup.BackupId));
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toContain('verify permission');
      expect((await auditRows('denied')).some((r) => r.user === 'vic' && r.detail?.includes('/verify'))).toBe(
        true,
      );
    } finally {
      user = { name: 'dora', role: 'downloader', scope: null };
    }

    const cluster = SEED_INSTANCE_IDS.cluster;
    await index(cluster, 60);
    const failed = emulator.dataset.backupsFor(cluster).find((b) => b.BackupStatus === 'Failed')!;
    const refused = await verify(cluster, String(failed.BackupId));
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/status Failed/);

    const tair = SEED_INSTANCE_IDS.incremental;
    await index(tair, 1);
    const incremental = emulator.dataset.backupsFor(tair).find((b) => b.BackupType === 'IncrementalBackup')!;
    const aof = await verify(tair, String(incremental.BackupId));
    expect(aof.status).toBe(409);
    expect((await aof.json()).error.message).toMatch(/AOF log/);

    user = { name: 'scoped', role: 'downloader', scope: ['r-uf6*'] };
    try {
      expect((await verify(lab, String(backup.BackupId))).status).toBe(404);
    } finally {
      user = { name: 'dora', role: 'downloader', scope: null };
    }
  });

  it('cancels a running verification: no verdict is kept, the cancel is audited', async () => {
    const standard = SEED_INSTANCE_IDS.standard;
    await index(standard, 3);
    const big = emulator.dataset.backupsFor(standard).find((b) => b.BackupStatus === 'Success')!;
    const id = String(big.BackupId);
    expect((await verify(standard, id)).status).toBe(202);
    const running = await eventually(
      () => stateOf(standard, [id]),
      (a) => (a.verifications[id]?.job?.bytesRead ?? 0) > 0,
    );
    expect(running.verifications[id]?.job).toMatchObject({ state: 'running', size: big.BackupSize });
    const cancelled = await verify(standard, id, 'DELETE');
    expect(cancelled.status).toBe(200);
    const after = await eventually(
      () => stateOf(standard, [id]),
      (a) => a.verifications[id] === undefined,
    );
    expect(after.verifications[id]).toBeUndefined();
    expect((await verify(standard, id, 'DELETE')).status).toBe(404);
    expect((await auditRows('verify_cancel')).some((r) => r.backupId === id)).toBe(true);
  });
});

describe('verify all shards of a cluster job', () => {
  it('queues every shard with a file and skips the failed one', async () => {
    const cluster = SEED_INSTANCE_IDS.cluster;
    await index(cluster, 60);
    const backups = emulator.dataset.backupsFor(cluster);
    const jobId = backups.find((b) => b.BackupStatus === 'Success')!.BackupJobID!;
    const shards = backups.filter((b) => b.BackupJobID === jobId);
    // Small files, so the test reads kilobytes, not gigabytes; one shard failed.
    for (const shard of shards.slice(1)) {
      emulator.dataset.setBackupStatus(cluster, String(shard.BackupId), { status: 'Success', size: 200_000 });
    }
    emulator.dataset.setBackupStatus(cluster, String(shards[0]!.BackupId), { status: 'Failed' });
    const refresh = await callRoute(
      postRefresh,
      `/api/instances/${cluster}/backups/refresh?${new URLSearchParams({
        start: new Date(Date.parse(shards[0]!.BackupStartTime) - 60_000).toISOString(),
        end: new Date(Date.parse(shards[0]!.BackupStartTime) + 60_000).toISOString(),
      })}`,
      { instanceId: cluster },
      { method: 'POST' },
    );
    expect(refresh.status).toBe(200);

    const res = await callRoute(
      postJobVerify,
      `/api/instances/${cluster}/jobs/${jobId}/verify`,
      { instanceId: cluster, jobId: String(jobId) },
      { method: 'POST' },
    );
    expect(res.status).toBe(202);
    const answer: StartAnswer = await res.json();
    expect(answer.jobs).toHaveLength(shards.length - 1);
    expect(answer.skipped).toEqual([
      { backupId: String(shards[0]!.BackupId), reason: expect.stringMatching(/status Failed/) },
    ]);
    const ids = shards.slice(1).map((s) => String(s.BackupId));
    const done = await eventually(
      () => stateOf(cluster, ids),
      (a) => ids.every((id) => a.verifications[id]?.result),
    );
    for (const id of ids) expect(done.verifications[id]?.result?.status).toBe('ok');
  });
});

describe('bad input', () => {
  it.each([
    ['no ids', '', 'backupIds'],
    ['a non-numeric id', 'backupIds=1,abc', 'backupIds'],
    ['more than 300 ids', `backupIds=${Array.from({ length: 301 }, (_, i) => i + 1).join(',')}`, 'backupIds'],
    ['the parameter twice', 'backupIds=1&backupIds=2', 'backupIds'],
  ])('the verifications list refuses %s, naming the field', async (_name, query, field) => {
    const res = await callRoute(getVerifications, `/api/instances/${lab}/verifications?${query}`, {
      instanceId: lab,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'invalid_input', field });
  });

  it('refuses a malformed instance, backup or job id before anything else', async () => {
    const calls = emulator.stats.snapshot().total;
    const bad = await verify('not an id', '1');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('instanceId');
    expect((await verify(lab, '12ab')).status).toBe(400);
    const job = await callRoute(
      postJobVerify,
      `/api/instances/${lab}/jobs/x1/verify`,
      { instanceId: lab, jobId: 'x1' },
      { method: 'POST' },
    );
    expect(job.status).toBe(400);
    expect((await job.json()).error.field).toBe('jobId');
    expect(emulator.stats.snapshot().total).toBe(calls);
  });
});
