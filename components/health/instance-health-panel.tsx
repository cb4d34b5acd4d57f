'use client';

import dynamic from 'next/dynamic';
import { useEffect } from 'react';
import type { DateRange } from '@/components/backups/date-range';
import { Skeleton } from '@/components/ui/skeleton';
import { useInstanceHealth } from './use-instance-health';

// The health arrives from the browser's own request, after the page: its content's code is fetched at the
// same time (not part of the backups page's first load), so neither waits for the other.
const loadDetails = () => import('./instance-health-details');
const InstanceHealthDetails = dynamic(() => loadDetails().then((m) => m.InstanceHealthDetails), {
  loading: () => <Skeleton className="h-16 w-full" />,
});

/** The backups page's header: the instance's health, its policy in words, the next backup and the chart. */
export function InstanceHealthPanel({ instanceId, range }: { instanceId: string; range: DateRange | null }) {
  const health = useInstanceHealth(instanceId, range);
  useEffect(() => void loadDetails(), []);
  const data = health.data;
  // Not found or out of scope: the page says so already.
  if (health.isError || !range) return null;
  if (!data) return <Skeleton className="h-16 w-full" />;
  return <InstanceHealthDetails data={data} range={range} />;
}
