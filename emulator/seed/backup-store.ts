import type { RawBackup } from './types';

/** A DescribeBackups-style filter: a window on BackupStartTime plus the optional id filters. */
export interface BackupQuery {
  /** Inclusive; default: no lower bound. */
  fromMs?: number;
  /** Exclusive; default: no upper bound. */
  toMs?: number;
  /** Normalized decimal strings, as DescribeBackups parses them. */
  backupId?: string;
  jobId?: string;
  /** Leaves out one type: DescribeBackups without `NeedAof=1` leaves out the AOF log backups. */
  withoutType?: RawBackup['BackupType'];
}

export interface BackupPage {
  /** Every match, not just this page. */
  total: number;
  /** Newest first. */
  rows: RawBackup[];
}

export interface StorageTotals {
  full: number;
  log: number;
}

/**
 * One instance's backups, however they are kept: a generated list, or arithmetic over an index for the bulk
 * instance. Changes made at runtime (admin endpoint) go through here so listing, lookup, storage totals and
 * downloads all see them.
 */
export interface BackupStore {
  list(query: BackupQuery, offset: number, limit: number): BackupPage;
  find(backupId: string): RawBackup | undefined;
  storage(): StorageTotals;
  /** The caller guarantees the id is unused. */
  add(backup: RawBackup): void;
  /** Swaps in a new version of an existing backup (same BackupId and start time). */
  replace(backup: RawBackup): void;
  remove(backupId: string): RawBackup | undefined;
}

export function startMsOf(backup: RawBackup): number {
  return Date.parse(backup.BackupStartTime);
}

export function inWindow(backup: RawBackup, query: BackupQuery): boolean {
  const t = startMsOf(backup);
  return t >= (query.fromMs ?? -Infinity) && t < (query.toMs ?? Infinity);
}

export function matchesQuery(backup: RawBackup, query: BackupQuery): boolean {
  if (!inWindow(backup, query)) return false;
  if (query.backupId !== undefined && String(backup.BackupId) !== query.backupId) return false;
  if (query.withoutType !== undefined && backup.BackupType === query.withoutType) return false;
  return query.jobId === undefined || String(backup.BackupJobID) === query.jobId;
}

export function storageDelta(backup: RawBackup, sign: 1 | -1): StorageTotals {
  const size = sign * backup.BackupSize;
  return backup.BackupType === 'IncrementalBackup' ? { full: 0, log: size } : { full: size, log: 0 };
}
