import type { Backup } from '@/lib/aliyun/types';
import { can, type Role } from '@/lib/auth/roles';

/** Why a backup can't be downloaded by this role, or null when it can. The server enforces the same. */
export function downloadBlockReason(backup: Pick<Backup, 'status'>, role: Role): string | null {
  if (!can(role, 'download')) return 'Your role (viewer) can browse backups but not download them.';
  if (backup.status !== 'Success')
    return `This backup has status ${backup.status}: there is no file to download.`;
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
