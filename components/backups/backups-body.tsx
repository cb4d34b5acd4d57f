'use client';

import { useTranslations } from 'next-intl';
import type { Instance } from '@/lib/aliyun/types';
import { can, type SessionUser } from '@/lib/auth/roles';
import { useFormat } from '@/components/ui/use-format';
import { DEFAULT_PRESET, presetRange } from './date-range';
import { EmptyState, ErrorState, InstanceNotFoundState, InvalidLinkState } from './backups-states';
import { DataTable, DataTableSkeleton, type BackupsTable } from './data-table';
import { DataTablePagination } from './data-table-pagination';
import { hasFilters } from './backups-search-params';
import type { useBackupsView } from './use-backups-view';

/** Below the toolbar: the table, or the state that stands in for it (loading, empty, error, bad link). */
export function BackupsBody({
  view,
  table,
  instanceId,
  instance,
  user,
  groupByJob,
  onDownloadJob,
}: {
  view: ReturnType<typeof useBackupsView>;
  table: BackupsTable;
  instanceId: string;
  instance: Instance | undefined;
  user: SessionUser;
  groupByJob: boolean;
  onDownloadJob: (jobId: string, opener: HTMLElement) => void;
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
  return (
    <>
      <DataTable
        table={table}
        caption={t('caption', { name: instance?.name ?? instanceId, range: rangeText })}
        groupByJob={groupByJob}
        shardCount={instance?.shardCount ?? null}
        loading={backups.isPlaceholderData && backups.isFetching}
        canDownload={can(user.role, 'download')}
        onDownloadJob={onDownloadJob}
      />
      <DataTablePagination table={table} />
    </>
  );
}
