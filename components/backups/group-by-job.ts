import type { Backup } from '@/lib/aliyun/types';
import type { Translate } from '@/lib/i18n/translate';

// One BackupJobID is one backup of the whole instance: on a cluster, one file per shard.

/** A job's shards on the page, or a lone backup that belongs to no job (`jobId: null`). */
export interface JobGroup<T> {
  key: string;
  jobId: string | null;
  items: T[];
}

/** Groups in order of first appearance, so the page's sort order still reads top to bottom. */
export function groupByJob<T>(items: readonly T[], backupOf: (item: T) => Backup): JobGroup<T>[] {
  const groups = new Map<string, JobGroup<T>>();
  for (const item of items) {
    const { backupJobId: jobId, backupId } = backupOf(item);
    const key = jobId === null ? `backup ${backupId}` : `job ${jobId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, jobId, items: [] }));
    group.items.push(item);
  }
  return [...groups.values()];
}

/** "8 shards", "6 of 8 shards on this page": honest about a job cut by the page boundary (`backups.job`). */
export function shardsText(onPage: number, shardCount: number | null, t: Translate): string {
  if (shardCount === null || shardCount < 1) return t('shardsOnPage', { count: onPage });
  if (onPage >= shardCount) return t('shards', { count: onPage });
  return t('shardsOfOnPage', { count: onPage, total: shardCount });
}
