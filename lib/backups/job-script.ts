import 'server-only';
import { getKvstoreClient } from '@/lib/aliyun/client';
import type { Backup, BackupWithUrls, InstanceKind } from '@/lib/aliyun/types';
import { ApiError } from '@/lib/api/api-error';
import { toMinute } from '@/lib/dates';
import { beforeDeadline } from '@/lib/deadline';
import { fetchInstance } from '@/lib/instances/fetch-instances';
import { checkedLink, freshSetNodes } from './fetch-download';
import { fetchJob } from './list-jobs';
import { jobDownloadScript, type ShardLink, type ShardSkipped } from './shell-script';

// "Download all shards", built on the server for any number of shards: which backups the job has comes from
// the index, their fresh URLs from one upstream listing of the whole job (pages of 300), never one call
// per shard and never a list the browser sends.

const DAY_MS = 86_400_000;
const PAGE_SIZE = 300;

export interface JobScript {
  script: string;
  fileName: string;
  /** Every backup the script downloads. */
  backupIds: string[];
  /** Shards (nodes) without a file, when the user confirmed going on without them. */
  skipped: ShardSkipped[];
  shards: number;
}

/** Shards with no usable file: failed or unavailable backups, and shards with no backup at all. */
export function missingShards(
  instanceId: string,
  kind: InstanceKind,
  backups: readonly Backup[],
): ShardSkipped[] {
  const bad = backups
    .filter((b) => b.status !== 'Success')
    .map((b): ShardSkipped => ({
      node: b.nodeInstanceId,
      backupId: b.backupId,
      cause: 'status',
      status: b.status,
      reason: `status ${b.status}, no file`,
    }));
  const expected = kind.shardCount ?? 0;
  const listed = new Set(backups.map((b) => b.nodeInstanceId));
  const prefix = `${instanceId}-db-`;
  // Shards are named `<instance>-db-<n>`: the absent ones can be named. Otherwise they are only counted.
  const absent = backups.every((b) => b.nodeInstanceId?.startsWith(prefix))
    ? Array.from({ length: expected }, (_, n) => `${prefix}${n}`).filter((node) => !listed.has(node))
    : Array.from({ length: Math.max(0, expected - backups.length) }, () => null);
  return [
    ...bad,
    ...absent.map((node): ShardSkipped => ({
      node,
      backupId: null,
      cause: 'absent',
      reason: 'no backup in this job',
    })),
  ];
}

/** Every backup of a classic cluster's job with fresh URLs: DescribeBackups filtered by BackupJobId. */
async function freshJobBackups(
  regionId: string,
  instanceId: string,
  jobId: string,
  startTime: string,
): Promise<BackupWithUrls[]> {
  const at = Date.parse(startTime);
  const out: BackupWithUrls[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await beforeDeadline(
      getKvstoreClient().describeBackups({
        regionId,
        instanceId,
        backupJobId: jobId,
        startTime: toMinute(at - DAY_MS),
        endTime: toMinute(at + DAY_MS),
        pageSize: PAGE_SIZE,
        pageNumber,
      }),
      `no fresh download links for job ${jobId}; try again.`,
    );
    out.push(...page.backups);
    if (page.backups.length < PAGE_SIZE || out.length >= page.totalCount) return out;
  }
}

export async function buildJobScript(
  instanceId: string,
  jobId: string,
  variant: 'public' | 'intranet',
  confirmed: boolean,
  scope: readonly string[] | null,
): Promise<JobScript> {
  const { kind, job, backups } = await fetchJob(instanceId, jobId, scope);
  const missing = missingShards(instanceId, kind, backups);
  const noun = kind.kind === 'cloud-native-cluster' ? 'nodes' : 'shards';
  if (missing.length > 0 && !confirmed) {
    throw new ApiError(
      409,
      'conflict',
      `${missing.length} of ${job.shards} ${noun} of ${jobId} have no file: confirm to download the other ${job.shards - missing.length}.`,
      { missing, shards: job.shards },
    );
  }
  const { regionId } = await fetchInstance(instanceId, scope);
  const fresh =
    kind.kind === 'cloud-native-cluster'
      ? await freshSetNodes(regionId, instanceId, jobId, job.startTime)
      : await freshJobBackups(regionId, instanceId, jobId, job.startTime);
  const byId = new Map(fresh.map((b) => [b.backupId, b]));
  const links: ShardLink[] = [];
  const skipped = [...missing];
  for (const b of backups.filter((x) => x.status === 'Success')) {
    const now = byId.get(b.backupId);
    if (!now || now.status !== 'Success') {
      skipped.push({
        node: b.nodeInstanceId,
        backupId: b.backupId,
        cause: 'unlisted',
        reason: 'no longer listed by Alibaba Cloud',
      });
      continue;
    }
    links.push({ node: b.nodeInstanceId, backupId: b.backupId, ...checkedLink(now, instanceId, variant) });
  }
  if (links.length === 0)
    throw new ApiError(409, 'conflict', `No ${noun.slice(0, -1)} of ${jobId} has a file to download.`, {
      missing: skipped,
    });
  return {
    script: jobDownloadScript({ instanceId, jobId, links, skipped, generatedAt: new Date().toISOString() }),
    fileName: `download-job-${jobId}.sh`,
    backupIds: links.map((l) => l.backupId),
    skipped,
    shards: job.shards,
  };
}
