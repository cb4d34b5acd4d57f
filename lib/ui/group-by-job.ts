import type { Backup } from '@/lib/aliyun/types';

// One BackupJobID is one backup of the whole instance: on a cluster, one file per shard.

export interface JobGroup<T> {
  jobId: string;
  items: T[];
}

/** Groups in order of first appearance, so the page's sort order still reads top to bottom. */
export function groupByJob<T>(items: readonly T[], backupOf: (item: T) => Backup): JobGroup<T>[] {
  const groups = new Map<string, JobGroup<T>>();
  for (const item of items) {
    const b = backupOf(item);
    const jobId = b.backupJobId ?? `backup-${b.backupId}`;
    let group = groups.get(jobId);
    if (!group) groups.set(jobId, (group = { jobId, items: [] }));
    group.items.push(item);
  }
  return [...groups.values()];
}
