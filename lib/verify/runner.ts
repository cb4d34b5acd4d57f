import 'server-only';
import { AliyunError } from '@/lib/aliyun/errors';
import { ApiError } from '@/lib/api/api-error';
import { recordAudit } from '@/lib/audit/audit-log';
import type { SessionUser } from '@/lib/auth/roles';
import { getIndexDb } from '@/lib/backup-index/db';
import { getSyncEngine } from '@/lib/backup-index/sync-engine';
import { downloadUrlOf, fetchFreshBackup } from '@/lib/backups/fetch-download';
import { getConfig } from '@/lib/config';
import { detached } from '@/lib/deadline';
import { fetchInstance } from '@/lib/instances/fetch-instances';
import { processSingleton } from '@/lib/process-singleton';
import { formatCount } from '@/lib/format/numbers';
import { ByteRate } from './byte-rate';
import { RUNNER_KEY } from './reset';
import { problemText, type VerifyStatus } from './problems';
import { emptyReport, verifyRdb, type RdbReport } from './rdb-verifier';
import { ReadError, readUrl } from './read-url';
import { saveResult } from './store';
import { tdeEnabled } from './tde';
import type { VerificationFailure, VerificationJob, VerificationResult, VerifyOrigin } from './verification';

// Runs verifications: one queue for the whole process, at most VERIFY_MAX_CONCURRENT reading at once, all of
// them together under VERIFY_MAX_BYTES_PER_SECOND. Someone waiting at the console goes before the schedule.
// A backup is verified once at a time: asking again joins the run under way.

export interface VerifyRequest {
  instanceId: string;
  backupId: string;
  jobId: string | null;
  size: number;
  origin: VerifyOrigin;
  user: Pick<SessionUser, 'name' | 'role'> | null;
  address?: string | null;
}

interface Job extends VerifyRequest {
  key: string;
  state: 'queued' | 'running';
  bytesRead: number;
  queuedAt: number;
  startedAt: number | null;
  abort: AbortController;
}

/** More than that waiting is refused (a flood of clicks or a runaway schedule). */
export const MAX_QUEUED = 1_000;
const MAX_FAILURES = 500;

const keyOf = (instanceId: string, backupId: string) => `${instanceId}/${backupId}`;

export class QueueFullError extends Error {}

class Runner {
  private readonly queued: Job[] = [];
  private readonly running = new Map<string, Job>();
  private readonly failures = new Map<string, VerificationFailure>();
  private readonly rate: ByteRate;

  constructor(
    private readonly maxConcurrent: number,
    bytesPerSecond: number,
  ) {
    this.rate = new ByteRate(bytesPerSecond);
  }

  /** Queues a verification, or returns the one already queued or running for that backup. */
  enqueue(request: VerifyRequest): VerificationJob {
    const key = keyOf(request.instanceId, request.backupId);
    const existing = this.running.get(key) ?? this.queued.find((j) => j.key === key);
    if (existing) return this.view(existing);
    if (this.queued.length >= MAX_QUEUED) throw new QueueFullError();
    const job: Job = {
      ...request,
      key,
      state: 'queued',
      bytesRead: 0,
      queuedAt: Date.now(),
      startedAt: null,
      abort: new AbortController(),
    };
    // Manual runs wait only behind other manual runs.
    const firstScheduled = this.queued.findIndex((j) => j.origin === 'scheduled');
    if (request.origin === 'manual' && firstScheduled >= 0) this.queued.splice(firstScheduled, 0, job);
    else this.queued.push(job);
    this.failures.delete(key);
    this.pump();
    return this.view(job);
  }

  /** Stops a queued or running verification; false if there was none. */
  cancel(instanceId: string, backupId: string): boolean {
    const key = keyOf(instanceId, backupId);
    const index = this.queued.findIndex((j) => j.key === key);
    if (index >= 0) {
      this.queued.splice(index, 1);
      return true;
    }
    const job = this.running.get(key);
    if (!job) return false;
    job.abort.abort();
    return true;
  }

  cancelAll(): void {
    this.queued.length = 0;
    for (const job of this.running.values()) job.abort.abort();
  }

  job(instanceId: string, backupId: string): VerificationJob | null {
    const key = keyOf(instanceId, backupId);
    const job = this.running.get(key) ?? this.queued.find((j) => j.key === key);
    return job ? this.view(job) : null;
  }

  failure(instanceId: string, backupId: string): VerificationFailure | null {
    return this.failures.get(keyOf(instanceId, backupId)) ?? null;
  }

  /** Whether anything of this instance is queued or running (the schedule adds no second one). */
  busyWith(instanceId: string): boolean {
    return [...this.running.values(), ...this.queued].some((j) => j.instanceId === instanceId);
  }

  private view(job: Job): VerificationJob {
    return {
      instanceId: job.instanceId,
      backupId: job.backupId,
      state: job.state,
      ahead: job.state === 'queued' ? this.queued.indexOf(job) : 0,
      bytesRead: job.bytesRead,
      size: job.size,
      queuedAt: new Date(job.queuedAt).toISOString(),
      startedAt: job.startedAt === null ? null : new Date(job.startedAt).toISOString(),
      origin: job.origin,
      user: job.user?.name ?? null,
    };
  }

  private pump(): void {
    while (this.running.size < this.maxConcurrent && this.queued.length > 0) {
      const job = this.queued.shift()!;
      job.state = 'running';
      job.startedAt = Date.now();
      this.running.set(job.key, job);
      void detached(() => this.run(job)).finally(() => {
        this.running.delete(job.key);
        this.pump();
      });
    }
  }

  private async run(job: Job): Promise<void> {
    try {
      const result = await this.verify(job);
      await saveResult(await getIndexDb(), result);
      // Pages computed from the index (lib/backup-index/page-cache.ts) are keyed by this version.
      getSyncEngine().changed(job.instanceId);
      this.audit(job, 'verify_result', summary(result));
    } catch (err) {
      if (job.abort.signal.aborted) return;
      const message = failureMessage(err);
      this.failures.set(job.key, { message, at: new Date().toISOString() });
      while (this.failures.size > MAX_FAILURES) this.failures.delete(this.failures.keys().next().value!);
      this.audit(job, 'verify_result', `could not verify: ${message}`);
    }
  }

  private async verify(job: Job): Promise<VerificationResult> {
    const instance = await fetchInstance(job.instanceId, null);
    const base = {
      instanceId: job.instanceId,
      backupId: job.backupId,
      jobId: job.jobId,
      startedAt: new Date(job.startedAt!).toISOString(),
      origin: job.origin,
      user: job.user?.name ?? null,
    };
    const finished = (report: RdbReport, size: number, status: VerifyStatus = report.status) => {
      const { aux: _aux, ...facts } = report;
      return { ...base, ...facts, status, size, finishedAt: new Date().toISOString() };
    };
    if (await tdeEnabled(instance)) {
      // Known from the instance: nothing is read.
      const report = { ...emptyReport(), problem: { code: 'encrypted' as const, offset: 0, params: {} } };
      return finished({ ...report, durationMs: Date.now() - job.startedAt! }, job.size, 'encrypted');
    }
    const backup = await fetchFreshBackup(job.instanceId, job.backupId, null);
    const url = downloadUrlOf(backup, getConfig().VERIFY_NETWORK);
    const { chunks } = await readUrl(url, { signal: job.abort.signal, rate: this.rate });
    const report = await verifyRdb(chunks, {
      expectedSize: backup.size,
      onProgress: (bytes) => (job.bytesRead = bytes),
    });
    return finished(report, backup.size);
  }

  private audit(job: Job, action: 'verify_result', detail: string): void {
    recordAudit({
      action,
      user: job.user?.name ?? null,
      role: job.user?.role ?? null,
      instanceId: job.instanceId,
      backupId: job.backupId,
      address: job.address ?? null,
      detail: `${job.origin}: ${detail}`,
    });
  }
}

/** Our own errors say what happened in words safe to show; anything else is logged, not shown. */
function failureMessage(err: unknown): string {
  if (err instanceof ReadError || err instanceof ApiError || err instanceof AliyunError) return err.message;
  console.error(
    '[verify] unexpected failure:',
    err instanceof Error ? `${err.name}: ${err.message}` : typeof err,
  );
  return 'Something went wrong on our side while verifying; the server log has the details.';
}

/** "ok · 1,204 keys", "corrupt at byte 977: unknown value type or opcode 90": for the audit log. */
export function summary(result: VerificationResult): string {
  if (result.status === 'ok') return `ok · ${formatCount(result.keys, 'en')} keys`;
  if (!result.problem) return result.status;
  return `${result.status} at byte ${formatCount(result.problem.offset, 'en')}: ${problemText(result.problem)}`;
}

export function getVerificationRunner(): Runner {
  return processSingleton(RUNNER_KEY, () => {
    const config = getConfig();
    return new Runner(config.VERIFY_MAX_CONCURRENT, config.VERIFY_MAX_BYTES_PER_SECOND);
  });
}

export type VerificationRunner = Runner;
