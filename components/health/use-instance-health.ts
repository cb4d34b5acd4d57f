'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DateRange } from '@/components/backups/date-range';
import { fetchJson } from '@/lib/api/client/fetch-json';
import type { InstanceHealthAnswer } from '@/lib/fleet/fetch-fleet';

export function useInstanceHealth(instanceId: string, range: DateRange | null) {
  return useQuery({
    queryKey: ['instance-health', instanceId, range],
    queryFn: ({ signal }) =>
      fetchJson<InstanceHealthAnswer>(
        `/api/instances/${encodeURIComponent(instanceId)}/health?${new URLSearchParams({ ...range! })}`,
        { signal },
      ),
    enabled: range !== null,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    refetchInterval: 60_000,
    retry: false,
  });
}
