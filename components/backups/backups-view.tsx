'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { Backup } from '@/lib/aliyun/types';
import type { SessionUser } from '@/lib/auth/roles';
import { rememberInstance } from '@/lib/ui/recent-instances';
import { useFormat } from '@/components/ui/use-format';
import { useInstances } from '@/components/shell/use-instances';
import { BackupDetailsSheet } from './backup-details-sheet';
import { BackupsBody } from './backups-body';
import { BackupsFreshness } from './backups-freshness';
import { BackupsHeader } from './backups-header';
import { canReset } from './backups-search-params';
import { BackupsSummary, BackupsSummarySkeleton } from './backups-summary';
import { DataTableToolbar } from './data-table-toolbar';
import { downloadBlock } from './download-policy';
import { ExportMenu } from './export-menu';
import { IndexingProgress } from './indexing-progress';
import { JobScriptDialog } from './job-script-dialog';
import { StaleBanner } from './stale-banner';
import { useBackupsTable } from './use-backups-table';
import { useBackupsView } from './use-backups-view';
import { useRefreshBackups } from './use-refresh-backups';
import { VerifyProvider } from '@/components/verify/verify-context';

/** What a dialog shows, and the element that opened it (focus goes back there on close). */
interface Opened<T> {
  value: T;
  opener: HTMLElement | null;
}

export function BackupsView({ instanceId, user }: { instanceId: string; user: SessionUser }) {
  const t = useTranslations('backups');
  const format = useFormat();
  const view = useBackupsView(instanceId);
  const { state, setState, range, backups } = view;
  const data = backups.data;
  const [details, setDetails] = useState<Opened<Backup> | null>(null);
  const [jobScript, setJobScript] = useState<Opened<string> | null>(null);
  const instance = useInstances().data?.find((i) => i.instanceId === instanceId);
  // Grouping by job is a cluster's: elsewhere every backup would be a job of one.
  const cluster = (instance?.shardCount ?? 0) > 1;
  const grouped = cluster && state.group === 'job';
  const refresh = useRefreshBackups(instanceId, range, {
    asOf: data?.asOf ?? null,
    lastErrorAt: data?.lastError?.at ?? null,
  });
  // Polls while the first sync runs would otherwise announce "Loading" every second.
  const loading = backups.isFetching && (backups.isPlaceholderData || !data);

  // Only instances that exist are remembered, so `/` never sends anyone back to a wrong link.
  const knownId = instance?.instanceId;
  useEffect(() => {
    if (knownId) rememberInstance(knownId);
  }, [knownId]);

  const table = useBackupsTable({
    rows: data?.rows,
    total: data?.total ?? 0,
    state,
    setState,
    meta: {
      instanceId,
      role: user.role,
      format,
      showDetails: (value, opener) => setDetails({ value, opener }),
    },
  });

  const page = (
    <div className="space-y-4">
      <BackupsHeader instanceId={instanceId} instance={instance} />
      {!view.blocked && !backups.isError && data?.syncing && <IndexingProgress syncing={data.syncing} />}
      {/* A first sync still running is said by its progress, not as Alibaba Cloud failing. */}
      {!view.blocked && !backups.isError && data?.stale && !data.syncing && (
        <StaleBanner
          freshness={data}
          now={view.now}
          retrying={refresh.isPending}
          onRetry={() => refresh.mutate()}
        />
      )}
      {!view.blocked &&
        !backups.isError &&
        (data ? <BackupsSummary data={data} now={view.now} /> : <BackupsSummarySkeleton />)}
      {!view.notFound && (
        <DataTableToolbar
          table={table}
          facets={data?.facets}
          range={range}
          onRangeChange={view.setRange}
          q={state.q}
          onSearch={view.search}
          canReset={canReset(state)}
          onReset={view.reset}
          groupByJob={cluster ? grouped : undefined}
          onGroupByJobChange={(on) => void setState({ group: on ? 'job' : null })}
          rangeActions={
            <BackupsFreshness
              asOf={view.blocked ? null : data?.asOf}
              now={view.now}
              refreshing={refresh.isPending}
              canRefresh={range !== null && !data?.syncing}
              onRefresh={() => refresh.mutate()}
            />
          }
          tableActions={<ExportMenu instanceId={instanceId} params={view.apiParams} />}
        />
      )}
      <p role="status" className="sr-only">
        {loading
          ? t('status.loading')
          : data?.syncing
            ? t('status.indexing')
            : data && range
              ? t('status.matches', { count: data.total })
              : ''}
      </p>
      <BackupsBody
        view={view}
        table={table}
        instanceId={instanceId}
        instance={instance}
        user={user}
        groupByJob={grouped}
        onDownloadJob={(value, opener) => setJobScript({ value, opener })}
      />

      <BackupDetailsSheet
        instanceId={instanceId}
        backup={details?.value ?? null}
        opener={details?.opener ?? null}
        block={details ? downloadBlock(details.value, user.role) : null}
        onClose={() => setDetails(null)}
      />
      <JobScriptDialog
        instanceId={instanceId}
        jobId={jobScript?.value ?? null}
        opener={jobScript?.opener ?? null}
        range={range}
        onClose={() => setJobScript(null)}
      />
    </div>
  );
  return (
    <VerifyProvider instanceId={instanceId} role={user.role} backups={data?.rows}>
      {page}
    </VerifyProvider>
  );
}
