import 'server-only';
import type { Backup } from '@/lib/aliyun/types';
import { ApiError } from '@/lib/api/api-error';
import { getIndexDb } from '@/lib/backup-index/db';
import { findNode, loadSetNodes } from '@/lib/backup-index/sets-store';
import { indexedBackup } from '@/lib/backup-index/store';
import { fetchInstance } from '@/lib/instances/fetch-instances';

/** One backup (a set with its nodes, or a set's node) as the index holds it: what a link to it opens. */
export async function fetchIndexedBackup(
  instanceId: string,
  backupId: string,
  scope: readonly string[] | null,
): Promise<Backup> {
  await fetchInstance(instanceId, scope);
  const db = await getIndexDb();
  const backup = await indexedBackup(db, instanceId, backupId);
  if (backup) {
    if (!backup.set) return backup;
    return { ...backup, nodes: (await loadSetNodes(db, instanceId, [backupId])).get(backupId) ?? [] };
  }
  const node = await findNode(db, instanceId, backupId);
  if (node) return node;
  throw new ApiError(
    404,
    'not_found',
    `Backup ${backupId} of instance ${instanceId} is not in the index: open a range that holds it first.`,
  );
}
