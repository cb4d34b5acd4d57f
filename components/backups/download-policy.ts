import type { Backup } from '@/lib/aliyun/types';
import { can, type Role } from '@/lib/auth/roles';

/** Why a backup can't be downloaded: the role may not, or there is no file. The server enforces the same. */
export type DownloadBlock = { reason: 'role'; role: Role } | { reason: 'status'; status: string };

export function downloadBlock(backup: Pick<Backup, 'status'>, role: Role): DownloadBlock | null {
  if (!can(role, 'download')) return { reason: 'role', role };
  if (backup.status !== 'Success') return { reason: 'status', status: backup.status };
  return null;
}

/** A cloud-native backup set downloads as a whole while at least one of its nodes has a file. */
export function setDownloadBlock(backup: Pick<Backup, 'status' | 'set'>, role: Role): DownloadBlock | null {
  if (!can(role, 'download')) return { reason: 'role', role };
  const usable = (backup.set?.nodes ?? 0) - (backup.set?.unavailable ?? 0);
  return usable > 0 ? null : { reason: 'status', status: backup.status };
}

export function downloadPath(
  instanceId: string,
  backupId: string,
  variant: 'public' | 'intranet',
  json: boolean,
  intent: 'download' | 'copy' = 'copy',
): string {
  const params = new URLSearchParams({ variant });
  if (json) params.set('format', 'json');
  if (json && intent === 'download') params.set('intent', 'download');
  return `/api/instances/${encodeURIComponent(instanceId)}/backups/${encodeURIComponent(backupId)}/download?${params}`;
}
