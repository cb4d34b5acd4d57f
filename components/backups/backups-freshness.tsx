'use client';

import { RefreshCw } from 'lucide-react';
import { cn } from '@/lib/ui/cn';
import { formatSince } from '@/lib/ui/format';
import { formatZonedDateTime, type TimeZoneMode } from '@/lib/ui/time-zone';
import { Button } from '@/components/ui/button';

/** "Updated 40 s ago" (the exact time on hover) and the button that reads the range again now. */
export function BackupsFreshness({
  asOf,
  now,
  timeZone,
  refreshing,
  canRefresh,
  onRefresh,
}: {
  asOf: string | null | undefined;
  now: number;
  timeZone: TimeZoneMode;
  refreshing: boolean;
  canRefresh: boolean;
  onRefresh: () => void;
}) {
  return (
    <div className="flex items-center gap-2 sm:ml-auto">
      {asOf && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          <time
            dateTime={asOf}
            title={`Read from Alibaba Cloud at ${formatZonedDateTime(asOf, timeZone, true)}`}
          >
            Updated {formatSince(asOf, now)}
          </time>
        </p>
      )}
      <Button size="sm" onClick={onRefresh} disabled={!canRefresh || refreshing} aria-busy={refreshing}>
        <RefreshCw aria-hidden className={cn('h-4 w-4', refreshing && 'animate-spin')} />
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </Button>
    </div>
  );
}
