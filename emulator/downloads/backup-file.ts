import type { Readable } from 'node:stream';
import { rdbFile } from '../rdb/rdb-file';
import type { Dataset, RawBackup } from '../seed';
import { damageOf } from '../seed/verify-lab';
import { fileHeader, fileStream } from './file-content';

/** What a download serves: bytes [start, end] of the backup's file, generated as they are read. */
export type FileBody = (start: number, end: number) => Readable;

/**
 * A backup's file: a real RDB for physical full backups (damaged on purpose for some lab backups), opaque
 * bytes behind a gzip or AOF header otherwise, and bytes with no structure at all when TDE encrypts them.
 */
export function backupFile(
  dataset: Dataset,
  instanceId: string,
  backup: RawBackup,
  fileName: string,
): FileBody {
  const profile = dataset.profileOf(instanceId);
  const seed = String(backup.BackupId);
  if (profile?.tde) return (start, end) => fileStream(seed, Buffer.alloc(0), start, end);
  if (!fileName.endsWith('.rdb')) {
    const header = fileHeader(fileName, Date.parse(backup.BackupStartTime));
    return (start, end) => fileStream(seed, header, start, end);
  }
  const file = rdbFile({
    seed,
    size: backup.BackupSize,
    engineVersion: backup.EngineVersion,
    ctime: Math.floor(Date.parse(backup.BackupStartTime) / 1000),
    tair: profile?.raw.InstanceType === 'Tair',
    damage: damageOf(instanceId, backup),
  });
  return (start, end) => file.stream(start, end);
}
