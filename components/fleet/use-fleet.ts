'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/client/fetch-json';
import type { FleetAnswer } from '@/lib/fleet/fetch-fleet';

export const FLEET_QUERY_KEY = ['fleet'] as const;

/** The fleet's health from the index; cheap to ask again, so it follows the monitor's pace. */
export function useFleet() {
  return useQuery({
    queryKey: FLEET_QUERY_KEY,
    queryFn: ({ signal }) => fetchJson<FleetAnswer>('/api/fleet', { signal }),
    staleTime: 15_000,
    refetchInterval: 30_000,
  });
}
