import type { Backup } from '@/lib/aliyun/types';
import { can, type Role } from '@/lib/auth/roles';

/** Why a backup can't be downloaded: the role may not, or there is no file. The server enforces the same. */
export type DownloadBlock = { reason: 'role'; role: Role } | { reason: 'status'; status: string };

export function downloadBlock(backup: Pick<Backup, 'status'>, role: Role): DownloadBlock | null {
  if (!can(role, 'download')) return { reason: 'role', role };
  if (backup.status !== 'Success') return { reason: 'status', status: backup.status };
  return null;
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
