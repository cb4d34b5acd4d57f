import type { Dataset, RawBackup } from '../seed';
import { hashString } from '../seed/prng';
import { compactTimestamp } from '../seed/time-format';
import { INTRANET_PREFIX, PUBLIC_PREFIX } from './presign';

/** `hins12345678_data_20190314052850.rdb`, the naming Alibaba's backup files use. */
export function backupFileName(backup: RawBackup): string {
  const hins = 10_000_000 + (hashString(backup.NodeInstanceId) % 89_999_999);
  const ext =
    backup.BackupType === 'IncrementalBackup' ? 'aof' : backup.BackupMethod === 'Logical' ? 'tar.gz' : 'rdb';
  return `hins${hins}_data_${compactTimestamp(Date.parse(backup.BackupStartTime))}.${ext}`;
}

export function hasFile(dataset: Dataset, instanceId: string, backup: RawBackup): boolean {
  return (
    backup.BackupStatus === 'Success' &&
    backup.BackupSize > 0 &&
    !dataset.profileOf(instanceId)?.numbersAsStrings
  );
}

export function objectPath(prefix: string, instanceId: string, backup: RawBackup): string {
  return `${prefix}/${encodeURIComponent(instanceId)}/${backup.BackupId}/${backupFileName(backup)}`;
}

export interface ResolvedObject {
  instanceId: string;
  backup: RawBackup;
  fileName: string;
}

/** Maps `/oss[-internal]/<instanceId>/<backupId>/<file>` back to a downloadable backup. */
export function resolveObject(dataset: Dataset, pathname: string): ResolvedObject | null {
  const prefix = [INTRANET_PREFIX, PUBLIC_PREFIX].find((p) => pathname.startsWith(`${p}/`));
  if (!prefix) return null;
  const [instanceId, backupId, fileName, ...rest] = pathname
    .slice(prefix.length + 1)
    .split('/')
    .map(decodeURIComponent);
  if (!instanceId || !backupId || !fileName || rest.length > 0) return null;
  const backup = dataset.findBackup(instanceId, backupId);
  if (!backup || !hasFile(dataset, instanceId, backup) || backupFileName(backup) !== fileName) return null;
  return { instanceId, backup, fileName };
}
