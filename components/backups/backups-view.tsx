'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Backup } from '@/lib/aliyun/types';
import { can, type SessionUser } from '@/lib/auth/roles';
import { checkRange, DEFAULT_PRESET, presetRange, widerPreset, type DateRange } from '@/lib/ui/date-range';
import { downloadBlockReason } from '@/lib/ui/download-policy';
import { rememberInstance } from '@/lib/ui/recent-instances';
import { formatDateTime } from '@/lib/ui/time-zone';
import { useTimeZoneMode } from '@/components/ui/use-time-zone-mode';
import { useInstances } from '@/components/shell/use-instances';
import { BackupDetailsSheet } from './backup-details-sheet';
import { BackupsSummary, BackupsSummarySkeleton } from './backups-summary';
import { EmptyState, ErrorState, InvalidRangeState } from './backups-states';
import { DataTable, DataTableSkeleton } from './data-table';
import { DataTablePagination } from './data-table-pagination';
import { DataTableToolbar } from './data-table-toolbar';
import { JobScriptDialog } from './job-script-dialog';
import { useBackupsQuery } from './use-backups-query';
import { hasFilters, toApiParams, useBackupsSearchParams } from './use-backups-search-params';
import { useBackupsTable } from './use-backups-table';

export function BackupsView({ instanceId, user }: { instanceId: string; user: SessionUser }) {
  const [state, setState] = useBackupsSearchParams();
  const [timeZone, setTimeZone] = useTimeZoneMode();
  const [details, setDetails] = useState<Backup | null>(null);
  const [jobForScript, setJobForScript] = useState<string | null>(null);
  const instances = useInstances();
  const instance = instances.data?.find((i) => i.instanceId === instanceId);

  const missingRange = state.start === null && state.end === null;
  useEffect(() => {
    if (missingRange) void setState(presetRange(DEFAULT_PRESET), { history: 'replace' });
  }, [missingRange, setState]);
  useEffect(() => rememberInstance(instanceId), [instanceId]);

  const check = missingRange ? null : checkRange(state.start, state.end);
  const range: DateRange | null = check?.ok ? { start: state.start!, end: state.end! } : null;
  const apiParams = useMemo(() => toApiParams(state), [state]);
  const backups = useBackupsQuery(instanceId, apiParams, range !== null);
  const data = backups.data;

  const setRange = useCallback((next: DateRange) => void setState({ ...next, page: null }), [setState]);
  const resetFilters = () =>
    void setState({ status: null, type: null, mode: null, method: null, node: null, q: null, page: null });
  const onSearch = useCallback(
    (q: string) => void setState({ q: q || null, page: null }, { history: 'replace' }),
    [setState],
  );

  const table = useBackupsTable({
    rows: data?.rows,
    total: data?.total ?? 0,
    state,
    setState,
    meta: { instanceId, role: user.role, timeZone, showDetails: setDetails },
  });

  const filtered = hasFilters(state);
  const rangeText = range
    ? `from ${formatDateTime(range.start, timeZone)} to ${formatDateTime(range.end, timeZone)}${timeZone === 'utc' ? ' UTC' : ''}`
    : '';
  const wider = range ? widerPreset(range) : undefined;

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h1 className="text-xl font-semibold break-all">
          {instance?.name ?? instanceId} <span className="sr-only">backups</span>
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          <code className="font-mono">{instanceId}</code>
          {instance &&
            ` · ${instance.regionId} · ${instance.engine} ${instance.engineVersion ?? ''} · ${instance.architecture}`}
          {instance?.shardCount && instance.shardCount > 1 ? ` · ${instance.shardCount} shards` : ''}
        </p>
      </header>

      {check && !check.ok ? (
        <InvalidRangeState message={check.message} onReset={() => setRange(presetRange(DEFAULT_PRESET))} />
      ) : (
        <>
          {data ? (
            <BackupsSummary data={data} timeZone={timeZone} now={backups.dataUpdatedAt} />
          ) : (
            <BackupsSummarySkeleton />
          )}
          <DataTableToolbar
            table={table}
            facets={data?.facets}
            range={range}
            onRangeChange={setRange}
            timeZone={timeZone}
            onTimeZoneChange={setTimeZone}
            q={state.q}
            onSearch={onSearch}
            filtered={filtered}
            onReset={resetFilters}
            groupByJob={state.group === 'job'}
            onGroupByJobChange={(on) => void setState({ group: on ? 'job' : null })}
          />
          <p role="status" className="sr-only">
            {backups.isFetching ? 'Loading backups…' : data ? `${data.total} backups match` : ''}
          </p>
          {backups.isError ? (
            <ErrorState error={backups.error} onRetry={() => void backups.refetch()} what="backups" />
          ) : !data ? (
            <DataTableSkeleton />
          ) : data.total === 0 ? (
            <EmptyState
              filtered={filtered}
              rangeText={rangeText}
              widerLabel={wider?.label}
              onWiden={wider ? () => setRange(presetRange(wider)) : undefined}
              onReset={resetFilters}
            />
          ) : (
            <>
              <DataTable
                table={table}
                caption={`Backups of ${instance?.name ?? instanceId} ${rangeText}`}
                groupByJob={state.group === 'job'}
                loading={backups.isPlaceholderData && backups.isFetching}
                canDownload={can(user.role, 'download')}
                onDownloadJob={setJobForScript}
              />
              <DataTablePagination table={table} />
            </>
          )}
        </>
      )}

      <BackupDetailsSheet
        instanceId={instanceId}
        backup={details}
        timeZone={timeZone}
        blockReason={details ? downloadBlockReason(details, user.role) : null}
        onClose={() => setDetails(null)}
      />
      <JobScriptDialog
        instanceId={instanceId}
        jobId={jobForScript}
        range={range}
        onClose={() => setJobForScript(null)}
      />
    </div>
  );
}
