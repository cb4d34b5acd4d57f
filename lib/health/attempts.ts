import { jobVerdict } from '@/lib/backups/status-rules';
import type { Attempt } from './types';

// Backups → attempts, judged by the job rule the backups page uses (lib/backups/status-rules.ts): a job is a
// success only when every one of its shards succeeded. Health adds two cases of its own: a job with shards
// still unlisted and none failed, and a cloud-native set still running, are not judged until they finish.

export interface BackupFact {
  backupId: string;
  jobId: string | null;
  node: string | null;
  status: string;
  startMs: number;
  size: number;
}

/**
 * `shardsPerJob`: how many backups make a whole job. A classic cluster's shard count; 1 (or null) for a
 * standard instance, and for a cloud-native cluster, whose set is one row already judged from its nodes.
 */
export function toAttempts(backups: readonly BackupFact[], shardsPerJob: number | null): Attempt[] {
  const jobs = new Map<string, BackupFact[]>();
  for (const b of backups) {
    const key = b.jobId ?? `backup:${b.backupId}`;
    const list = jobs.get(key);
    if (list) list.push(b);
    else jobs.set(key, [b]);
  }
  const out: Attempt[] = [];
  for (const [key, shards] of jobs) {
    if (shards.some((s) => s.status === 'Running')) continue;
    const failed = shards.filter((s) => s.status !== 'Success');
    const verdict = jobVerdict({ listed: shards.length, failed: failed.length, expected: shardsPerJob });
    if (failed.length === 0 && verdict.missing > 0) continue;
    out.push({
      id: key,
      startMs: Math.min(...shards.map((s) => s.startMs)),
      ok: verdict.status === 'Success',
      failedShards: failed.map((s) => s.node ?? s.backupId),
      shards: shards.length,
      bytes: shards.reduce((n, s) => n + s.size, 0),
    });
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}
