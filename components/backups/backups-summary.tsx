'use client';

import type { BackupsAnswer } from '@/lib/backups/answer';
import { formatAge, formatBytes, formatExactBytes, formatPercent } from '@/lib/ui/format';
import { formatDateTime, type TimeZoneMode } from '@/lib/ui/time-zone';
import { Skeleton } from '@/components/ui/skeleton';

function Stat({
  label,
  value,
  title,
  hint,
}: {
  label: string;
  value: string;
  title?: string;
  hint?: string;
}) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="mt-1 truncate text-lg font-semibold tabular-nums" title={title}>
        {value}
      </dd>
      {hint && <dd className="truncate text-xs text-slate-600 dark:text-slate-300">{hint}</dd>}
    </div>
  );
}

/** The range at a glance; counts cover every backup in the range, whatever the filters. */
export function BackupsSummary({
  data,
  timeZone,
  now,
}: {
  data: BackupsAnswer;
  timeZone: TimeZoneMode;
  now: number;
}) {
  const success = data.facets.status.Success ?? 0;
  const failed = data.totals.count - success;
  return (
    <dl aria-label="Summary of the range" className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
      <Stat
        label="Backups"
        value={data.totals.count.toLocaleString('en-US')}
        hint={failed > 0 ? `${failed} failed` : 'none failed'}
      />
      <Stat
        label="Success rate"
        value={formatPercent(success, data.totals.count)}
        hint={`${success.toLocaleString('en-US')} succeeded`}
      />
      <Stat
        label="Total size"
        value={formatBytes(data.totals.bytes)}
        title={formatExactBytes(data.totals.bytes)}
      />
      <Stat
        label="Latest successful backup"
        value={data.latestSuccessAt ? formatAge(data.latestSuccessAt, now) : 'none in range'}
        hint={data.latestSuccessAt ? formatDateTime(data.latestSuccessAt, timeZone) : undefined}
      />
      <Stat
        label="Full backup storage"
        value={data.storage.full === null ? '—' : formatBytes(data.storage.full)}
        title={data.storage.full === null ? undefined : formatExactBytes(data.storage.full)}
        hint={data.storage.log ? `+ ${formatBytes(data.storage.log)} log` : 'FullStorageSize'}
      />
    </dl>
  );
}

export function BackupsSummarySkeleton() {
  return (
    <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
          <Skeleton className="h-3 w-20" />
          <Skeleton className="mt-2 h-6 w-24" />
        </div>
      ))}
    </div>
  );
}
