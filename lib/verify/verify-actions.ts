import 'server-only';
import type { Backup } from '@/lib/aliyun/types';
import { ApiError } from '@/lib/api/api-error';
import { recordAudit } from '@/lib/audit/audit-log';
import type { SessionUser } from '@/lib/auth/roles';
import { getIndexDb } from '@/lib/backup-index/db';
import { fetchFreshBackup } from '@/lib/backups/fetch-download';
import { fetchInstance } from '@/lib/instances/fetch-instances';
import { indexedBackup } from '@/lib/backup-index/store';
import { jobBackups, notVerifiableReason } from './backups-to-verify';
import { getVerificationRunner, QueueFullError } from './runner';
import { resultsFor } from './store';
import type { StartAnswer, VerificationsAnswer } from './verification';

// What the verify routes do: start (one backup or a job's shards), cancel, and say where each stands. The
// user's scope is checked first: an instance outside it does not exist for them.

interface Caller {
  user: SessionUser;
  address: string;
}

function enqueue(instanceId: string, backups: Backup[], { user, address }: Caller): StartAnswer {
  const answer: StartAnswer = { jobs: [], skipped: [] };
  const runner = getVerificationRunner();
  for (const backup of backups) {
    const reason = notVerifiableReason(backup);
    if (reason) {
      answer.skipped.push({ backupId: backup.backupId, reason });
      continue;
    }
    try {
      answer.jobs.push(
        runner.enqueue({
          instanceId,
          backupId: backup.backupId,
          jobId: backup.backupJobId,
          size: backup.size,
          origin: 'manual',
          user,
          address,
        }),
      );
    } catch (err) {
      if (!(err instanceof QueueFullError)) throw err;
      throw new ApiError(
        429,
        'throttled',
        'Too many verifications are waiting: try again when some have finished.',
        {},
        60,
      );
    }
    recordAudit({
      action: 'verify',
      user: user.name,
      role: user.role,
      instanceId,
      backupId: backup.backupId,
      address,
      status: 202,
      detail: 'manual',
    });
  }
  return answer;
}

export async function startVerification(
  instanceId: string,
  backupId: string,
  caller: Caller,
): Promise<StartAnswer> {
  await fetchInstance(instanceId, caller.user.scope);
  // The index knows every backup the console shows; one it has not seen yet is asked for.
  const backup =
    (await indexedBackup(await getIndexDb(), instanceId, backupId)) ??
    (await fetchFreshBackup(instanceId, backupId, caller.user.scope));
  const reason = notVerifiableReason(backup);
  if (reason) throw new ApiError(409, 'conflict', `${reason} Nothing to verify.`);
  return enqueue(instanceId, [backup], caller);
}

export async function startJobVerification(
  instanceId: string,
  jobId: string,
  caller: Caller,
): Promise<StartAnswer> {
  await fetchInstance(instanceId, caller.user.scope);
  const shards = await jobBackups(await getIndexDb(), instanceId, jobId);
  if (shards.length === 0) {
    throw new ApiError(
      404,
      'not_found',
      `Job ${jobId} of instance ${instanceId} has no backups in the index.`,
    );
  }
  return enqueue(instanceId, shards, caller);
}

export async function cancelVerification(
  instanceId: string,
  backupId: string,
  { user, address }: Caller,
): Promise<{ cancelled: true }> {
  await fetchInstance(instanceId, user.scope);
  if (!getVerificationRunner().cancel(instanceId, backupId)) {
    throw new ApiError(404, 'not_found', `No verification of backup ${backupId} is queued or running.`);
  }
  recordAudit({
    action: 'verify_cancel',
    user: user.name,
    role: user.role,
    instanceId,
    backupId,
    address,
    status: 200,
  });
  return { cancelled: true };
}

export async function listVerifications(
  instanceId: string,
  backupIds: readonly string[],
  scope: readonly string[] | null,
): Promise<VerificationsAnswer> {
  await fetchInstance(instanceId, scope);
  const results = await resultsFor(await getIndexDb(), instanceId, backupIds);
  const runner = getVerificationRunner();
  const verifications: VerificationsAnswer['verifications'] = {};
  for (const backupId of backupIds) {
    const result = results.find((r) => r.backupId === backupId) ?? null;
    const job = runner.job(instanceId, backupId);
    const failure = runner.failure(instanceId, backupId);
    if (result || job || failure) verifications[backupId] = { result, job, failure };
  }
  return { verifications };
}
