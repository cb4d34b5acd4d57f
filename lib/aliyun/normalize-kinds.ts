// Pure: raw DescribeInstanceAttribute, DescribeClusterBackupList and DescribeBackupTasks bodies -> the model in
// `types.ts`, in the manner of `normalize.ts` (odd data degrades to null, never throws).
import { normalizeBackup, UNKNOWN, unwrap } from './normalize';
import { asObject, field, list, toId, toIsoTime, toNumber, toText } from './raw-values';
import type {
  BackupTask,
  ClusterNode,
  ClusterSet,
  ClusterSetsPage,
  InstanceAttribute,
  InstanceKind,
} from './types';

/** A list that is a plain array (`ClusterBackups`, `BackupJobs`) or XML-style wrapped. */
function items(obj: unknown, name: string, inner: string): unknown[] {
  const value = field(obj, name);
  if (Array.isArray(value)) return value;
  return list(obj, name, inner);
}

export function normalizeInstanceAttribute(body: unknown, instanceId: string): InstanceAttribute | null {
  const root = unwrap(body, 'DescribeInstanceAttributeResponse');
  const attr = list(root, 'Instances', 'DBInstanceAttribute')[0];
  if (!asObject(attr)) return null;
  return {
    instanceId: toId(field(attr, 'InstanceId')) ?? instanceId,
    architecture: toText(field(attr, 'ArchitectureType')),
    nodeType: toText(field(attr, 'NodeType')),
    shardCount: toNumber(field(attr, 'ShardCount')),
    realInstanceClass: toText(field(attr, 'RealInstanceClass')),
    storageType: toText(field(attr, 'StorageType')),
    backupLogStartTime: toIsoTime(field(attr, 'BackupLogStartTime')),
  };
}

const CLOUD_NATIVE_NODE_TYPES = new Set(['MASTER_SLAVE', 'STAND_ALONE']);

/**
 * No field says "cloud-native" (r-kvstore-more-apis.md). A cluster with a cloud-native node type, a
 * per-shard real class or a storage type is one (inferred); any other cluster is classic.
 */
export function instanceKindOf(attr: InstanceAttribute): InstanceKind {
  const cluster = attr.architecture?.toLowerCase() === 'cluster';
  const cloudNative =
    cluster &&
    (CLOUD_NATIVE_NODE_TYPES.has(attr.nodeType?.toUpperCase() ?? '') ||
      Boolean(attr.realInstanceClass) ||
      Boolean(attr.storageType));
  return {
    kind: cloudNative ? 'cloud-native-cluster' : cluster ? 'classic-cluster' : 'standard',
    shardCount: attr.shardCount,
    logStartTime: attr.backupLogStartTime,
  };
}

/** `"37%"`, `"37"` or 37 -> 37; anything else null. */
function toPercent(v: unknown): number | null {
  const n = toNumber(typeof v === 'string' ? v.trim().replace(/%$/, '') : v);
  return n === null ? null : Math.min(100, Math.max(0, n));
}

function normalizeNode(
  raw: unknown,
  instanceId: string,
  set: { setId: string; mode: string },
): ClusterNode | null {
  const backup = normalizeBackup(raw, instanceId);
  if (!backup) return null;
  const ok = toText(field(raw, 'BackupStatus'))?.toUpperCase() === 'OK';
  const available = ok && toText(field(raw, 'IsAvail')) === '1';
  return {
    ...backup,
    backupJobId: set.setId,
    nodeInstanceId: toId(field(raw, 'InstanceName')) ?? backup.nodeInstanceId,
    // OK / ERROR upstream; a node that is OK but not available has no file either.
    status: available ? 'Success' : ok ? 'Unavailable' : 'Failed',
    type: 'FullBackup',
    mode: set.mode,
    method: 'Physical',
    engineVersion: toText(field(field(raw, 'ExtraInfo'), 'CustinsDbVersion')) ?? backup.engineVersion,
    available,
  };
}

function normalizeSet(raw: unknown, instanceId: string): ClusterSet | null {
  const setId = toId(field(raw, 'ClusterBackupId'));
  const startTime = toIsoTime(field(raw, 'ClusterBackupStartTime'));
  if (!asObject(raw) || !setId || !startTime) return null;
  const mode = toText(field(raw, 'ClusterBackupMode')) ?? UNKNOWN;
  const nodes = items(raw, 'Backups', 'Backup')
    .map((n) => normalizeNode(n, instanceId, { setId, mode }))
    .filter((n): n is ClusterNode => n !== null)
    .sort((a, b) => (a.nodeInstanceId ?? '').localeCompare(b.nodeInstanceId ?? '', 'en', { numeric: true }));
  return {
    setId,
    status: toText(field(raw, 'ClusterBackupStatus')),
    mode,
    startTime,
    endTime: toIsoTime(field(raw, 'ClusterBackupEndTime')),
    size: toNumber(field(raw, 'ClusterBackupSize')),
    isAvail: toNumber(field(raw, 'IsAvail')),
    progress: toPercent(field(raw, 'Progress')),
    expectExpireTime: toIsoTime(field(raw, 'ExpectExpireTime')),
    nodes,
  };
}

export function normalizeClusterSetsPage(body: unknown, instanceId: string): ClusterSetsPage {
  const root = unwrap(body, 'DescribeClusterBackupListResponse');
  return {
    requestId: toText(field(root, 'RequestId')),
    fullStorageSize: toNumber(field(root, 'FullStorageSize')),
    logStorageSize: toNumber(field(root, 'LogStorageSize')),
    sets: items(root, 'ClusterBackups', 'ClusterBackup')
      .map((s) => normalizeSet(s, instanceId))
      .filter((s): s is ClusterSet => s !== null),
  };
}

export function normalizeBackupTasks(body: unknown): BackupTask[] {
  const root = unwrap(body, 'DescribeBackupTasksResponse');
  return items(root, 'BackupJobs', 'BackupJob').flatMap((raw) => {
    const jobId = toId(field(raw, 'BackupJobID'));
    if (!asObject(raw) || !jobId) return [];
    return [
      {
        jobId,
        status: toText(field(raw, 'BackupProgressStatus')) ?? UNKNOWN,
        // Which of the two is filled is unconfirmed: Progress first, then Process.
        progress: toPercent(field(raw, 'Progress')) ?? toPercent(field(raw, 'Process')),
        mode: toText(field(raw, 'JobMode')),
        nodeId: toId(field(raw, 'NodeId')),
        startTime: toIsoTime(field(raw, 'StartTime')),
      },
    ];
  });
}
