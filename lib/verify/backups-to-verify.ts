import 'server-only';
import type { Backup } from '@/lib/aliyun/types';
import type { IndexDb } from '@/lib/backup-index/db';
import { loadSetNodes } from '@/lib/backup-index/sets-store';
import { fromRow } from '@/lib/backup-index/store';

// Which backups a verification reads, from the index: one the console shows, a job's shards, an instance's
// latest successful full backup (what the schedule verifies).

/** Why a backup has no RDB file to verify, or null when it has one. */
export function notVerifiableReason(
  backup: Pick<Backup, 'backupId' | 'status' | 'type' | 'set'>,
): string | null {
  if (backup.set)
    return `Backup ${backup.backupId} is a cloud-native backup set: its files are its nodes' backups; verify those.`;
  if (backup.status !== 'Success')
    return `Backup ${backup.backupId} has status ${backup.status}: there is no file.`;
  if (backup.type === 'IncrementalBackup')
    return `Backup ${backup.backupId} is incremental: an AOF log, not an RDB snapshot.`;
  return null;
}

export async function jobBackups(db: IndexDb, instanceId: string, jobId: string): Promise<Backup[]> {
  const rows = await db
    .selectFrom('backups')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .where('job_id', '=', jobId)
    .orderBy('node')
    .execute();
  return rows.map(fromRow);
}

/** The instance's latest successful full backups: one, or on a cluster the shards of its latest job. */
export async function latestFullBackups(db: IndexDb, instanceId: string): Promise<Backup[]> {
  const latest = await db
    .selectFrom('backups')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .where('status', '=', 'Success')
    .where('type', '=', 'FullBackup')
    .orderBy('start_ms', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return [];
  // A cloud-native set's files are its nodes' backups.
  if (latest.node_count !== null) {
    const nodes = (await loadSetNodes(db, instanceId, [latest.backup_id])).get(latest.backup_id) ?? [];
    return nodes.filter((b) => notVerifiableReason(b) === null);
  }
  if (latest.job_id === null) return [fromRow(latest)];
  const shards = await jobBackups(db, instanceId, latest.job_id);
  return shards.filter((b) => notVerifiableReason(b) === null);
}
