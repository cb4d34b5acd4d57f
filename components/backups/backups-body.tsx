'use client';

import { useTranslations } from 'next-intl';
import type { Instance } from '@/lib/aliyun/types';
import { can, type SessionUser } from '@/lib/auth/roles';
import { useFormat } from '@/components/ui/use-format';
import { DEFAULT_PRESET, presetRange } from './date-range';
import dynamic from 'next/dynamic';
import { DataTable, DataTableSkeleton, type BackupsTable } from './data-table';
import { DataTablePagination } from './data-table-pagination';
import { BackupCardList } from './backup-card-list';
import { hasFilters } from './backups-search-params';
import type { useBackupsView } from './use-backups-view';

// The states that stand in for the table load only when one is shown; a page of rows never needs them.
// Rendered in the browser only: a button in the server's HTML would be dead until its chunk had loaded.
const states = () => import('./backups-states');
const EmptyState = dynamic(() => states().then((m) => m.EmptyState), { ssr: false });
const ErrorState = dynamic(() => states().then((m) => m.ErrorState), { ssr: false });
const InstanceNotFoundState = dynamic(() => states().then((m) => m.InstanceNotFoundState), { ssr: false });
const InvalidLinkState = dynamic(() => states().then((m) => m.InvalidLinkState), { ssr: false });
// Said to viewers only: the notice's code loads on their pages alone (the server renders it there).
const RoleNotice = dynamic(() => import('./role-notice').then((m) => m.RoleNotice));
// A classic cluster grouped by job: its own table, loaded only on such a page (rendered by the server there).
const JobsTable = dynamic(() => import('./jobs-table').then((m) => m.JobsTable));
const LatestBackupsOffer = dynamic(() => import('./latest-backups-offer').then((m) => m.LatestBackupsOffer), {
  ssr: false,
});

/** Below the toolbar: the table, or the state that stands in for it (loading, empty, error, bad link). */
export function BackupsBody({
  view,
  table,
  instanceId,
  instance,
  user,
}: {
  view: ReturnType<typeof useBackupsView>;
  table: BackupsTable;
  instanceId: string;
  instance: Instance | undefined;
  user: SessionUser;
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
  if (data.total === 0) {
    const filtered = hasFilters(state);
    return (
      <EmptyState filtered={filtered} rangeText={rangeText} onReset={view.reset}>
        {!filtered && range && (
          <LatestBackupsOffer instanceId={instanceId} range={range} onGo={view.setRange} />
        )}
      </EmptyState>
    );
  }
  const loading = backups.isPlaceholderData && backups.isFetching;
  const canDownload = can(user.role, 'download');
  const notice = !canDownload && <RoleNotice role={user.role} />;
  // Whole jobs (a classic cluster grouped by job) come paged by job from the API.
  if (data.jobs)
    return (
      <>
        {notice}
        <JobsTable table={table} jobs={data.jobs} total={data.total} loading={loading} />
      </>
    );
  const rows = {
    table,
    caption: t('caption', { name: instance?.name ?? instanceId, range: rangeText }),
    loading,
  };
  // Both are rendered; CSS shows the table from 640 px and the cards below it (no layout flash on load).
  return (
    <>
      {notice}
      <div className="hidden sm:block">
        <DataTable {...rows} />
      </div>
      <BackupCardList {...rows} className="sm:hidden" />
      <DataTablePagination table={table} />
    </>
  );
}
