'use client';

import type { Instance } from '@/lib/aliyun/types';
import { DEFAULT_PRESET, presetRange, widerPreset } from './date-range';
import { formatDateTime, formatZonedDateTime, type TimeZoneMode } from '@/lib/ui/time-zone';
import { EmptyState, ErrorState, InstanceNotFoundState, InvalidLinkState } from './backups-states';
import { DataTable, DataTableSkeleton, type BackupsTable } from './data-table';
import { DataTablePagination } from './data-table-pagination';
import { hasFilters } from './backups-search-params';
import { JobsTable } from './jobs-table';
import type { useBackupsView } from './use-backups-view';

/** Below the toolbar: the table, or the state that stands in for it (loading, empty, error, bad link). */
export function BackupsBody({
  view,
  table,
  instanceId,
  instance,
  timeZone,
}: {
  view: ReturnType<typeof useBackupsView>;
  table: BackupsTable;
  instanceId: string;
  instance: Instance | undefined;
  timeZone: TimeZoneMode;
}) {
  const { backups, range, state } = view;
  const data = backups.data;
  const rangeText = range
    ? `from ${formatDateTime(range.start, timeZone)} to ${formatZonedDateTime(range.end, timeZone)}`
    : '';

  if (view.blocked)
    return (
      <InvalidLinkState
        rangeMessage={view.rangeProblem}
        invalid={view.invalid}
        onResetRange={() => view.setRange(presetRange(DEFAULT_PRESET))}
        onRemoveInvalid={view.removeInvalid}
      />
    );
  if (view.notFound) return <InstanceNotFoundState instanceId={instanceId} />;
  if (backups.isError)
    return <ErrorState error={backups.error} onRetry={() => void backups.refetch()} what="backups" />;
  // Nothing indexed yet of a range read for the first time: the progress above says rows are coming.
  if (!data || (data.total === 0 && data.syncing)) return <DataTableSkeleton />;
  if (data.total === 0) {
    const wider = range ? widerPreset(range) : undefined;
    return (
      <EmptyState
        filtered={hasFilters(state)}
        rangeText={rangeText}
        widerLabel={wider?.label}
        onWiden={wider ? () => view.setRange(presetRange(wider)) : undefined}
        onReset={view.reset}
      />
    );
  }
  const loading = backups.isPlaceholderData && backups.isFetching;
  if (data.jobs) return <JobsTable table={table} jobs={data.jobs} total={data.total} loading={loading} />;
  return (
    <>
      <DataTable
        table={table}
        caption={`Backups of ${instance?.name ?? instanceId} ${rangeText}`}
        loading={loading}
      />
      <DataTablePagination table={table} />
    </>
  );
}
