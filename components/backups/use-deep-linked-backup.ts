'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/client/fetch-json';
import type { Backup } from '@/lib/aliyun/types';

/**
 * The backup `?backup=<id>` names: from the page's rows (a set's nodes included) when it is there, else
 * from the index through the API, once the page itself has loaded (so a first sync has written it).
 */
export function useDeepLinkedBackup(
  instanceId: string,
  backupId: string | null,
  rows: readonly Backup[] | undefined,
  ready: boolean,
) {
  const onPage = backupId
    ? rows?.flatMap((r) => [r, ...(r.nodes ?? [])]).find((b) => b.backupId === backupId)
    : undefined;
  const fetched = useQuery({
    queryKey: ['backup', instanceId, backupId],
    queryFn: ({ signal }) =>
      fetchJson<Backup>(
        `/api/instances/${encodeURIComponent(instanceId)}/backups/${encodeURIComponent(backupId ?? '')}`,
        { signal },
      ),
    enabled: backupId !== null && !onPage && ready,
    retry: false,
  });
  return { backup: onPage ?? (backupId ? fetched.data : undefined) ?? null, error: fetched.error };
}
