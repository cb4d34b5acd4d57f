'use client';

import { useQuery } from '@tanstack/react-query';
import type { Instance } from '@/lib/aliyun/types';
import { fetchJson } from '@/lib/api/client/fetch-json';

export function useInstances() {
  return useQuery({
    queryKey: ['instances'],
    queryFn: ({ signal }) => fetchJson<{ instances: Instance[] }>('/api/instances', { signal }),
    select: (data) => data.instances,
    staleTime: 60_000,
  });
}
