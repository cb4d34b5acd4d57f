'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/client/fetch-json';
import { backupsApiPath, type BackupsSearchParams } from '@/lib/backups/query-rules';
import type { BackupsAnswer } from '@/lib/backups/answer';
import { backupsQueryKey } from './backups-query-key';

/** While the index is still reading the range for the first time, ask again this often: rows fill in. */
const SYNC_POLL_MS = 1_000;

/** One page of backups; the previous page stays on screen while the next loads, so the table never blanks. */
export function useBackupsQuery(instanceId: string, params: BackupsSearchParams, enabled: boolean) {
  return useQuery({
    queryKey: backupsQueryKey(instanceId, params),
    queryFn: ({ signal }) => fetchJson<BackupsAnswer>(backupsApiPath(instanceId, params), { signal }),
    enabled,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.syncing ? SYNC_POLL_MS : false),
  });
}
