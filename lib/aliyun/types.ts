// The normalized model the rest of the app works with. Everything that comes from Alibaba Cloud
// (or the emulator) is turned into these shapes by `normalize.ts`; nothing else reads raw responses.

export const BACKUP_STATUSES = ['Success', 'Failed'] as const;
export const BACKUP_TYPES = ['FullBackup', 'IncrementalBackup'] as const;
export const BACKUP_MODES = ['Automated', 'Manual'] as const;
export const BACKUP_METHODS = ['Physical', 'Logical'] as const;

export type BackupStatus = (typeof BACKUP_STATUSES)[number];
export type BackupType = (typeof BACKUP_TYPES)[number];
export type BackupMode = (typeof BACKUP_MODES)[number];
export type BackupMethod = (typeof BACKUP_METHODS)[number];

export interface RecoverConfigMode {
  whitelist?: boolean;
  config?: boolean;
  account?: boolean;
  /** The raw string as sent, kept for fields we do not know yet. */
  raw: string;
}

export interface Backup {
  backupId: string;
  backupJobId: string | null;
  instanceId: string;
  /** Shard / node id; equals the instance id on standard instances. */
  nodeInstanceId: string | null;
  status: BackupStatus | string;
  type: BackupType | string;
  mode: BackupMode | string;
  method: BackupMethod | string;
  /** ISO 8601 UTC. */
  startTime: string;
  endTime: string | null;
  /** Whole seconds between start and end; null when either is missing. */
  durationSeconds: number | null;
  /** Bytes. */
  size: number;
  dbNames: string | null;
  engineVersion: string | null;
  expectExpireTime: string | null;
  recoverConfigMode: RecoverConfigMode | null;
  /** A cloud-native cluster's backup set (`cb-…`): how many nodes it has and how many have no usable file. */
  set?: { nodes: number; unavailable: number };
  /** The set's node backups, in node order (list rows of a set carry them). */
  nodes?: Backup[];
}

/** A backup with its presigned URLs: only the download route ever sees these. */
export interface BackupWithUrls extends Backup {
  /** `null` when the upstream value is missing or not a single well-formed http(s) URL. */
  publicUrl: string | null;
  intranetUrl: string | null;
}

export interface BackupsPage {
  requestId: string | null;
  pageNumber: number;
  pageSize: number;
  totalCount: number;
  fullStorageSize: number | null;
  logStorageSize: number | null;
  backups: BackupWithUrls[];
}

export interface Instance {
  instanceId: string;
  name: string;
  regionId: string;
  zoneId: string | null;
  status: string;
  architecture: string;
  /** `Redis`, `Tair`, `Memcache`. */
  engine: string;
  engineVersion: string | null;
  instanceClass: string | null;
  shardCount: number | null;
  capacityMb: number | null;
  /** ISO 8601 UTC; no backup is expected before it. */
  createdAt: string | null;
}

export interface Region {
  regionId: string;
  localName: string | null;
  endpoint: string | null;
}

export interface DescribeBackupsInput {
  regionId: string;
  instanceId: string;
  /** `yyyy-MM-ddTHH:mmZ` */
  startTime: string;
  endTime: string;
  pageSize: 30 | 50 | 100 | 200 | 300;
  pageNumber: number;
  backupId?: string;
  backupJobId?: string;
  /** Ask for the AOF log backups too (instances with flashback on). */
  needAof?: boolean;
}

/** DescribeInstanceAttribute, the fields that decide how an instance's backups are listed. */
export interface InstanceAttribute {
  instanceId: string;
  architecture: string | null;
  nodeType: string | null;
  shardCount: number | null;
  realInstanceClass: string | null;
  storageType: string | null;
  /** The earliest point a flashback can restore to; only with incremental backup (flashback) on. */
  backupLogStartTime: string | null;
}

/**
 * Which API lists an instance's backups: DescribeClusterBackupList for cloud-native clusters (sets of node
 * backups), DescribeBackups for the rest (one backup per shard per job on classic clusters).
 */
export type InstanceKindName = 'standard' | 'classic-cluster' | 'cloud-native-cluster';

export interface InstanceKind {
  kind: InstanceKindName;
  shardCount: number | null;
  /** Flashback's restorable window starts here (and ends now); null when the instance has none. */
  logStartTime: string | null;
}

/** One DescribeClusterBackupList set as Alibaba Cloud states it; its status is judged in lib/backups. */
export interface ClusterSet {
  setId: string;
  /** `OK`, `RUNNING`, `Failed`. */
  status: string | null;
  mode: string;
  startTime: string;
  endTime: string | null;
  size: number | null;
  /** 1 when every node's file is usable. */
  isAvail: number | null;
  /** 0..100 from `"37%"`. */
  progress: number | null;
  expectExpireTime: string | null;
  nodes: ClusterNode[];
}

export interface ClusterNode extends BackupWithUrls {
  /** `IsAvail` of the node: its file can be restored and downloaded. */
  available: boolean;
}

export interface ClusterSetsPage {
  requestId: string | null;
  fullStorageSize: number | null;
  logStorageSize: number | null;
  sets: ClusterSet[];
}

export interface DescribeClusterBackupListInput {
  regionId: string;
  instanceId: string;
  /** `yyyy-MM-ddTHH:mmZ` */
  startTime: string;
  endTime: string;
  pageSize: 5 | 10 | 15 | 20 | 30 | 50 | 100 | 200 | 300;
  pageNumber: number;
  clusterBackupId?: string;
}

/** A backup DescribeBackupTasks reports as running (or just finished). */
export interface BackupTask {
  jobId: string;
  /** `NoStart`, `Preparing`, `Waiting`, `Uploading`, `Checking`, `Finished`. */
  status: string;
  /** 0..100, from Progress or else Process. */
  progress: number | null;
  mode: string | null;
  nodeId: string | null;
  startTime: string | null;
}
