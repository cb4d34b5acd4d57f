import { backupFileName } from '../downloads/objects';
import { apiErrors } from '../protocol/api-error';
import type { ClusterSet } from '../seed';
import { setIsAvail, setProgress, setStatusOf } from '../seed/cluster-sets';
import { isoSeconds } from '../seed/time-format';
import type { ActionContext, ActionHandler } from './action-context';
import { requireWindow } from './describe-backups';
import { page, parsePageNumber, parsePageSize } from './paging';

const PAGE_SIZES = new Set([5, 10, 15, 20, 30, 50, 100, 200, 300]);

function shownSet(
  ctx: ActionContext,
  instanceId: string,
  set: ClusterSet,
  withNodes: boolean,
  shardMb: number,
) {
  const status = setStatusOf(set);
  return {
    ClusterBackupId: set.id,
    ClusterBackupStartTime: isoSeconds(set.startMs),
    ClusterBackupEndTime: status === 'RUNNING' ? '' : isoSeconds(set.endMs),
    ClusterBackupStatus: status,
    ClusterBackupMode: set.mode,
    ClusterBackupSize: String(set.nodes.reduce((n, b) => n + b.BackupSize, 0)),
    IsAvail: setIsAvail(set),
    Progress: `${setProgress(set)}%`,
    ExpectExpireTime: set.expireTime,
    ShardClassMemory: shardMb,
    ...(withNodes
      ? {
          Backups: set.nodes.map((b) => {
            const ok = b.BackupStatus === 'Success';
            const urls = ctx.downloadUrls(instanceId, b);
            return {
              BackupId: String(b.BackupId),
              BackupName: backupFileName(b),
              BackupSize: String(b.BackupSize),
              BackupStartTime: b.BackupStartTime,
              // The documented example's shard end time has no zone (it is UTC).
              BackupEndTime: b.BackupEndTime.replace(/Z$/, ''),
              BackupStatus: ok ? 'OK' : 'ERROR',
              BackupDownloadURL: urls.publicUrl,
              BackupIntranetDownloadURL: urls.intranetUrl,
              Engine: 'redis',
              ExtraInfo: { CustinsDbVersion: b.EngineVersion },
              InstanceName: b.NodeInstanceId,
              IsAvail: ok ? '1' : '0',
              RecoverConfigMode: b.RecoverConfigMode ?? '',
            };
          }),
        }
      : {}),
  };
}

/**
 * Cloud-native clusters' backup sets. No TotalCount (a client pages until a short page); the window is on
 * ClusterBackupStartTime with the end minute included, like DescribeBackups. Other instances have no sets.
 */
export const describeClusterBackupList: ActionHandler = (ctx) => {
  const { params, dataset } = ctx;
  const { start, end } = requireWindow(params, ['RegionId', 'InstanceId']);
  const pageSize = parsePageSize(params.PageSize, 30, (n) => PAGE_SIZES.has(n));
  const pageNumber = parsePageNumber(params.PageNumber);
  const noShard = params.NoShardBackup ?? '';
  if (!['', 'True', 'False'].includes(noShard)) throw apiErrors.invalidParameter('NoShardBackup');
  const instanceId = params.InstanceId ?? '';
  const instance = dataset.findInstance(instanceId);
  if (!instance || instance.RegionId !== params.RegionId) throw apiErrors.instanceNotFound();

  const sets = dataset
    .clusterSets(instanceId)
    .filter(
      (s) =>
        s.startMs >= start &&
        s.startMs < end + 60_000 &&
        (!params.ClusterBackupId || s.id === params.ClusterBackupId),
    );
  const shardMb = Math.floor(instance.Capacity / Math.max(1, instance.ShardCount));
  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    MaxResults: pageSize,
    ...dataset.storageOf(instanceId),
    ClusterBackups: page(sets, pageNumber, pageSize).map((s) =>
      shownSet(ctx, instanceId, s, noShard !== 'True', shardMb),
    ),
  };
};
