'use client';

import { useTranslations } from 'next-intl';
import type { Instance } from '@/lib/aliyun/types';
import { useFormat } from '@/components/ui/use-format';
import { DEFAULT_PRESET, presetRange } from './date-range';
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
}: {
  view: ReturnType<typeof useBackupsView>;
  table: BackupsTable;
  instanceId: string;
  instance: Instance | undefined;
}) {
  const t = useTranslations('backups');
  const f = useFormat();
  const { backups, range, state } = view;
  const data = backups.data;
  const rangeText = range
    ? t('rangeText', {
        start: f.dateTime(range.start),
        end: f.dateTime(range.end),
        zone: f.zoneShort(Date.parse(range.end)),
      })
    : '';

  if (view.blocked)
    return (
      <InvalidLinkState
        rangeProblem={view.rangeProblem}
        invalid={view.invalid}
        onResetRange={() => view.setRange(presetRange(DEFAULT_PRESET))}
        onRemoveInvalid={view.removeInvalid}
      />
    );
  if (view.notFound) return <InstanceNotFoundState instanceId={instanceId} />;
  if (backups.isError)
    return (
      <ErrorState
        error={backups.error}
        onRetry={() => void backups.refetch()}
        title={t('errors.loadBackups')}
      />
    );
  // Nothing indexed yet of a range read for the first time: the progress above says rows are coming.
  if (!data || (data.total === 0 && data.syncing)) return <DataTableSkeleton />;
  if (data.total === 0)
    return <EmptyState filtered={hasFilters(state)} rangeText={rangeText} onReset={view.reset} />;
  const loading = backups.isPlaceholderData && backups.isFetching;
  if (data.jobs) return <JobsTable table={table} jobs={data.jobs} total={data.total} loading={loading} />;
  return (
    <>
      <DataTable
        table={table}
        caption={t('caption', { name: instance?.name ?? instanceId, range: rangeText })}
        loading={loading}
      />
      <DataTablePagination table={table} />
    </>
  );
}
