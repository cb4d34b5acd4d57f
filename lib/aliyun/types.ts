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
}
