import 'server-only';
import type { Backup, InstanceKind } from '@/lib/aliyun/types';
import { ApiError } from '@/lib/api/api-error';
import { getIndexDb, type IndexDb } from '@/lib/backup-index/db';
import { jobBackups, queryJobs, type JobRow } from '@/lib/backup-index/jobs-query';
import { loadSetNodes } from '@/lib/backup-index/sets-store';
import { instanceKindWithin } from '@/lib/instances/fetch-instance-kind';
import { fetchInstance } from '@/lib/instances/fetch-instances';
import type { BackupsPage, JobSummary } from './answer';
import type { BackupsQuery } from './query';
import { jobVerdict } from './status-rules';

// Whole jobs: a classic cluster's page of jobs, and one job (or one cloud-native set) with all its backups.

export function summarize(job: JobRow, expected: number | null): JobSummary {
  const verdict = jobVerdict({ listed: job.listed, failed: job.failed, expected });
  return { ...job, status: verdict.status, shards: verdict.shards, missing: verdict.missing };
}

/** A page of jobs in place of a page of backups: rows stay empty, total counts jobs. */
export async function jobsPage(
  db: IndexDb,
  instanceId: string,
  query: BackupsQuery,
  kind: InstanceKind,
): Promise<Pick<BackupsPage, 'rows' | 'total' | 'jobs'>> {
  const { jobs, total } = await queryJobs(db, instanceId, query);
  return { rows: [], total, jobs: jobs.map((j) => summarize(j, kind.shardCount)) };
}

export interface JobDetail {
  kind: InstanceKind;
  job: JobSummary;
  /** Every shard's backup (a set's nodes), in node order. */
  backups: Backup[];
}

/** One job of a classic cluster, or one set of a cloud-native one, as the index holds it. */
export async function fetchJob(
  instanceId: string,
  jobId: string,
  scope: readonly string[] | null,
): Promise<JobDetail> {
  const instance = await fetchInstance(instanceId, scope);
  const kind = await instanceKindWithin(instance);
  const db = await getIndexDb();
  const set = kind.kind === 'cloud-native-cluster';
  const backups = set
    ? ((await loadSetNodes(db, instanceId, [jobId])).get(jobId) ?? [])
    : await jobBackups(db, instanceId, jobId);
  if (backups.length === 0)
    throw new ApiError(
      404,
      'not_found',
      `Instance ${instanceId} has no ${set ? 'backup set' : 'backup job'} ${jobId} in the index.`,
    );
  const first = backups[0]!;
  const job = summarize(
    {
      jobId,
      startTime: backups.map((b) => b.startTime).sort()[0]!,
      endTime:
        backups
          .map((b) => b.endTime ?? '')
          .sort()
          .at(-1) || null,
      size: backups.reduce((n, b) => n + b.size, 0),
      mode: first.mode,
      listed: backups.length,
      failed: backups.filter((b) => b.status !== 'Success').length,
    },
    kind.shardCount,
  );
  return { kind, job, backups };
}
