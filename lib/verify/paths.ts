// The verify routes' addresses, for the console's requests. No zod here: this module is in the browser's bundle.

export function verificationsPath(instanceId: string, backupIds: readonly string[]): string {
  return `/api/instances/${encodeURIComponent(instanceId)}/verifications?${new URLSearchParams({ backupIds: backupIds.join(',') })}`;
}

export function verifyBackupPath(instanceId: string, backupId: string): string {
  return `/api/instances/${encodeURIComponent(instanceId)}/backups/${encodeURIComponent(backupId)}/verify`;
}

export function verifyJobPath(instanceId: string, jobId: string): string {
  return `/api/instances/${encodeURIComponent(instanceId)}/jobs/${encodeURIComponent(jobId)}/verify`;
}
