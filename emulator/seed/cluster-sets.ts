import { hashString } from './prng';
import type { SeedInstance } from './instances';
import type { RawBackup } from './types';

// A cloud-native cluster's backups are kept like any other instance's (one backup per node, sharing the
// job id), and shown by DescribeClusterBackupList as sets: one `cb-…` entry per job with its nodes.

export interface ClusterSet {
  id: string;
  jobId: number;
  startMs: number;
  endMs: number;
  mode: RawBackup['BackupMode'];
  /** Nodes listed so far, in shard order. */
  nodes: RawBackup[];
  /** Nodes the instance has: fewer listed means the set is still running. */
  shards: number;
  expireTime: string;
  /** 0..100 while running (an admin-started task), else derived from the nodes. */
  progress: number | null;
}

/** `cb-` and 16 base-36 characters, a pure function of the job, like the `cb-zmdqj2m3xyxjtdt0` in the docs. */
export function setIdOf(instanceId: string, jobId: number): string {
  const tail = (hashString(`${instanceId}|${jobId}`).toString(36) + jobId.toString(36)).padEnd(16, '0');
  return `cb-${tail.slice(0, 16)}`;
}

/** Groups newest-first node backups into sets, newest first. */
export function groupSets(instance: SeedInstance, backups: readonly RawBackup[]): ClusterSet[] {
  const byJob = new Map<number, ClusterSet>();
  for (const b of backups) {
    const jobId = b.BackupJobID ?? b.BackupId;
    let set = byJob.get(jobId);
    if (!set) {
      set = {
        id: setIdOf(instance.raw.InstanceId, jobId),
        jobId,
        startMs: Date.parse(b.BackupStartTime),
        endMs: 0,
        mode: b.BackupMode,
        nodes: [],
        shards: instance.plan.shards,
        expireTime: b.ExpectExpireTime ?? '',
        progress: null,
      };
      byJob.set(jobId, set);
    }
    set.nodes.push(b);
    set.endMs = Math.max(set.endMs, Date.parse(b.BackupEndTime));
  }
  for (const set of byJob.values()) set.nodes.sort((a, b) => a.BackupId - b.BackupId);
  return [...byJob.values()];
}

export type SetStatus = 'OK' | 'RUNNING' | 'Failed';

/** RUNNING until every node is listed; Failed when no node has a file; otherwise OK (IsAvail says the rest). */
export function setStatusOf(set: ClusterSet): SetStatus {
  if (set.progress !== null || set.nodes.length < set.shards) return 'RUNNING';
  return set.nodes.some((n) => n.BackupStatus === 'Success') ? 'OK' : 'Failed';
}

export function setIsAvail(set: ClusterSet): 0 | 1 {
  return setStatusOf(set) === 'OK' && set.nodes.every((n) => n.BackupStatus === 'Success') ? 1 : 0;
}

export function setProgress(set: ClusterSet): number {
  return set.progress ?? Math.floor((set.nodes.length / Math.max(1, set.shards)) * 100);
}
