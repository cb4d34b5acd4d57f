import type { Attempt } from './types';

// Backups → attempts. The cluster rule lives here, and only here: a job is a success only when every one of its
// shards succeeded (and, when the shard count is known, every shard is listed). A job with shards still missing
// and none failed is neither: it is left out until it is complete. Issue 9 has job rules of its own; this one is
// kept small so the two can become one.

export interface BackupFact {
  backupId: string;
  jobId: string | null;
  node: string | null;
  status: string;
  startMs: number;
  size: number;
}

export function toAttempts(backups: readonly BackupFact[], shardCount: number | null): Attempt[] {
  const jobs = new Map<string, BackupFact[]>();
  for (const b of backups) {
    const key = b.jobId ?? `backup:${b.backupId}`;
    const list = jobs.get(key);
    if (list) list.push(b);
    else jobs.set(key, [b]);
  }
  const expected = shardCount !== null && shardCount > 1 ? shardCount : 1;
  const out: Attempt[] = [];
  for (const [key, shards] of jobs) {
    const failed = shards.filter((s) => s.status !== 'Success');
    if (failed.length === 0 && shards.length < expected) continue;
    out.push({
      id: key,
      startMs: Math.min(...shards.map((s) => s.startMs)),
      ok: failed.length === 0,
      failedShards: failed.map((s) => s.node ?? s.backupId),
      shards: shards.length,
      bytes: shards.reduce((n, s) => n + s.size, 0),
    });
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}
