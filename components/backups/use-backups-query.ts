'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { backupsApiPath, type BackupsSearchParams } from '@/lib/backups/query';
import type { BackupsAnswer } from '@/lib/backups/answer';

/** One page of backups; the previous page stays on screen while the next loads, so the table never blanks. */
export function useBackupsQuery(instanceId: string, params: BackupsSearchParams, enabled: boolean) {
  return useQuery({
    queryKey: ['backups', instanceId, params],
    queryFn: ({ signal }) => fetchJson<BackupsAnswer>(backupsApiPath(instanceId, params), { signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
