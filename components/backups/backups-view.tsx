'use client';

import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import type { SessionUser } from '@/lib/auth/roles';
import { rememberInstance } from '@/lib/ui/recent-instances';
import { useNotify } from '@/components/ui/notifier';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { useFormat } from '@/components/ui/use-format';
import { useInstances } from '@/components/shell/use-instances';
import { InstanceHealthPanel } from '@/components/health/instance-health-panel';
import { VerifyProvider } from '@/components/verify/verify-context';
import { BackupsBody } from './backups-body';
import { BackupsFreshness } from './backups-freshness';
import { BackupsHeader } from './backups-header';
import { canReset } from './backups-search-params';
import { BackupsSummary, BackupsSummarySkeleton } from './backups-summary';
import { DataTableToolbar } from './data-table-toolbar';
import { downloadBlock } from './download-policy';
import { ExportMenu } from './export-menu';
import { sameRange } from './date-range';
import { QueryProgress } from './query-progress';
import { RunningBackups } from './running-backups';
import { useDeepLinkedBackup } from './use-deep-linked-backup';
import { useBackupsTable } from './use-backups-table';
import { useBackupsView } from './use-backups-view';
import { useRefreshBackups } from './use-refresh-backups';
import { ZoneNotice } from './zone-notice';

// The dialogs load when first opened, and stay mounted after, so closing returns focus to their opener.
const BackupDetailsSheet = dynamic(() => import('./backup-details-sheet').then((m) => m.BackupDetailsSheet), {
  ssr: false,
});
const JobDownloadDialog = dynamic(() => import('./job-download-dialog').then((m) => m.JobDownloadDialog), {
  ssr: false,
});

// Shown only on some instances or in some states: loaded when first shown (the server renders them then).
const IndexingProgress = dynamic(() => import('./indexing-progress').then((m) => m.IndexingProgress));
const RestorableWindow = dynamic(() => import('./restorable-window').then((m) => m.RestorableWindow));
const StaleBanner = dynamic(() => import('./stale-banner').then((m) => m.StaleBanner));

const SET_HIDDEN = ['jobId'];

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
  const [detailsOpener, setDetailsOpener] = useState<HTMLElement | null>(null);
  const [jobScript, setJobScript] = useState<Opened<string> | null>(null);
  const [expandedSets, setExpandedSets] = useState<ReadonlySet<string>>(new Set());
  const instance = useInstances().data?.find((i) => i.instanceId === instanceId);
  // Grouping by job is a classic cluster's: elsewhere every backup would be a job of one, and a
  // cloud-native cluster's sets are whole jobs already.
  const cluster = data ? data.kind.kind === 'classic-cluster' : (instance?.shardCount ?? 0) > 1;
  const grouped = cluster && state.group === 'job';
  // `?backup=<id>` is the open details panel, so a link opens it.
  const linkText = useTranslations('kinds.link');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const linked = useDeepLinkedBackup(instanceId, state.backup, data?.rows, Boolean(data && !data.syncing));
  const linkError = linked.error;
  useEffect(() => {
    if (!linkError) return;
    notify(linkText('notFound', { message: errorMessage(linkError) }), 'error');
    void setState({ backup: null }, { history: 'replace' });
  }, [linkError, notify, setState, linkText, errorMessage]);
  const details = linked.backup;
  const [opened, setOpened] = useState({ details: false, jobScript: false });
  if ((details && !opened.details) || (jobScript && !opened.jobScript))
    setOpened({
      details: opened.details || details !== null,
      jobScript: opened.jobScript || jobScript !== null,
    });
  const refresh = useRefreshBackups(instanceId, range, data);
  // Polls while the first sync runs would otherwise announce "Loading" every second.
  const loading = backups.isFetching && (backups.isPlaceholderData || !data);
  // The summary and the facet counts are a range's: while another range loads they are the old one's.
  const updating = Boolean(data && range && backups.isPlaceholderData && !sameRange(data.range, range));

  // Only instances that exist are remembered, so the recent list never offers a wrong link.
  const knownId = instance?.instanceId;
  useEffect(() => {
    if (knownId) rememberInstance(knownId);
  }, [knownId]);

  const table = useBackupsTable({
    // A cloud-native set's job id is its own id.
    hiddenByDefault: data?.kind.kind === 'cloud-native-cluster' ? SET_HIDDEN : undefined,
    rows: data?.rows,
    total: data?.total ?? 0,
    state,
    setState,
    meta: {
      instanceId,
      role: user.role,
      format,
      showDetails: (value, opener) => {
        setDetailsOpener(opener);
        // The open panel is in the URL for links, not a step Back should walk through.
        void setState({ backup: value.backupId }, { history: 'replace' });
      },
      expandedSets,
      toggleSet: (id) =>
        setExpandedSets((prev) => {
          const next = new Set(prev);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
      downloadJob: (value, opener) => setJobScript({ value, opener }),
    },
  });

  const page = (
    <div className="space-y-4">
      <BackupsHeader instanceId={instanceId} instance={instance} />
      <ZoneNotice />
      {data?.kind.logStartTime && <RestorableWindow start={data.kind.logStartTime} />}
      {!view.blocked && !view.notFound && <RunningBackups instanceId={instanceId} />}
      {!view.notFound && <InstanceHealthPanel instanceId={instanceId} range={range} />}
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
        (data ? (
          <BackupsSummary data={data} now={view.now} updating={updating} />
        ) : (
          <BackupsSummarySkeleton />
        ))}
      {!view.notFound && (
        <DataTableToolbar
          table={table}
          facets={data?.facets}
          facetsUpdating={updating}
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
      <QueryProgress active={loading || refresh.isPending} />
      <p role="status" className="sr-only">
        {loading
          ? t('status.loading')
          : data?.syncing
            ? t('status.indexing')
            : data && range
              ? t('status.matches', { count: data.total })
              : ''}
      </p>
      <BackupsBody view={view} table={table} instanceId={instanceId} instance={instance} user={user} />

      {opened.details && (
        <BackupDetailsSheet
          instanceId={instanceId}
          backup={details}
          opener={detailsOpener}
          block={details ? downloadBlock(details, user.role) : null}
          onClose={() => void setState({ backup: null }, { history: 'replace' })}
        />
      )}
      {opened.jobScript && (
        <JobDownloadDialog
          instanceId={instanceId}
          jobId={jobScript?.value ?? null}
          opener={jobScript?.opener ?? null}
          onClose={() => setJobScript(null)}
        />
      )}
    </div>
  );
  return (
    <VerifyProvider instanceId={instanceId} role={user.role} backups={data?.rows}>
      {page}
    </VerifyProvider>
  );
}
