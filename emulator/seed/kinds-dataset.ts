import type { BackupStore } from './backup-store';
import { finishMs, taskState, type BackupTask } from './backup-tasks';
import { groupSets, setIdOf, type ClusterSet } from './cluster-sets';
import type { SeedInstance } from './instances';
import { DAY_MS, isoSeconds } from './time-format';

// What the dataset answers about instance kinds: the sets of a cloud-native cluster and the attributes
// DescribeInstanceAttribute reports.

export function isCloudNative(instance: SeedInstance): boolean {
  return instance.plan.kind === 'sets';
}

/** Flashback (incremental log backup) is on where the plan writes AOF log backups. */
export function hasLogBackups(instance: SeedInstance): boolean {
  return instance.plan.incrementalsPerDay > 0;
}

/** Finished sets from the store plus a RUNNING set for each task still going, newest first. */
export function clusterSetsOf(
  instance: SeedInstance,
  store: BackupStore,
  tasks: readonly BackupTask[],
  nowMs: number,
): ClusterSet[] {
  if (!isCloudNative(instance)) return [];
  const sets = groupSets(instance, store.list({}, 0, Infinity).rows);
  for (const task of tasks) {
    if (task.settled) continue;
    sets.push({
      id: setIdOf(instance.raw.InstanceId, task.jobId),
      jobId: task.jobId,
      startMs: task.startMs,
      endMs: finishMs(task),
      mode: 'Manual',
      nodes: [],
      shards: instance.plan.shards,
      expireTime: isoSeconds(task.startMs + instance.plan.retentionDays * DAY_MS),
      progress: taskState(task, nowMs).progress,
    });
  }
  return sets.sort((a, b) => b.startMs - a.startMs || b.jobId - a.jobId);
}

/** The earliest point a flashback can restore to: the start of the oldest log backup still kept. */
function logStartTime(store: BackupStore): string | null {
  const logs = store.list({}, 0, Infinity).rows.filter((b) => b.BackupType === 'IncrementalBackup');
  return logs.at(-1)?.BackupStartTime ?? null;
}

/** One `DBInstanceAttribute`, with the fields the Java/PHP SDK docs describe for backups. */
export function instanceAttributeOf(instance: SeedInstance, store: BackupStore): Record<string, unknown> {
  const { raw } = instance;
  const cloudNative = isCloudNative(instance);
  const logStart = hasLogBackups(instance) ? logStartTime(store) : null;
  return {
    InstanceId: raw.InstanceId,
    InstanceName: raw.InstanceName,
    RegionId: raw.RegionId,
    ZoneId: raw.ZoneId,
    InstanceStatus: raw.InstanceStatus,
    ArchitectureType: raw.ArchitectureType,
    InstanceType: raw.InstanceType,
    Engine: 'Redis',
    EngineVersion: raw.EngineVersion,
    InstanceClass: raw.InstanceClass,
    ...(cloudNative ? { RealInstanceClass: 'tair.rdb.1g' } : {}),
    NodeType: raw.NodeType,
    ShardCount: raw.ShardCount,
    Capacity: raw.Capacity,
    NetworkType: raw.NetworkType,
    VpcId: raw.VpcId,
    VSwitchId: raw.VSwitchId,
    ConnectionDomain: raw.ConnectionDomain,
    Port: raw.Port,
    ChargeType: raw.ChargeType,
    CreateTime: raw.CreateTime,
    EndTime: raw.EndTime,
    ResourceGroupId: raw.ResourceGroupId,
    IsSupportTDE: raw.InstanceType === 'Tair' && !cloudNative,
    ...(logStart ? { BackupLogStartTime: logStart } : {}),
    Tags: raw.Tags,
  };
}
