import type { BackupsSearchParams } from '@/lib/backups/query-rules';

// One key for a view's page of backups: the browser's query and the server page's prefetch must agree on
// it exactly, or the prefetched rows would sit unused in the cache while the browser asks again.

export function backupsQueryKey(instanceId: string, params: BackupsSearchParams) {
  return ['backups', instanceId, params] as const;
}

/** Every cached view of an instance, for a refresh to invalidate. */
export function instanceBackupsKey(instanceId: string) {
  return ['backups', instanceId] as const;
}
