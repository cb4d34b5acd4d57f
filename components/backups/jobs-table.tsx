'use client';

import { useQuery } from '@tanstack/react-query';
import { ChevronDown, ChevronRight, FileDown } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { fetchJson } from '@/lib/api/client/fetch-json';
import { can } from '@/lib/auth/roles';
import type { JobSummary } from '@/lib/backups/answer';
import type { JobDetail } from '@/lib/backups/list-jobs';
import { cn } from '@/lib/ui/cn';
import { Button } from '@/components/ui/button';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { ExactBytes } from './cells';
import { UPDATING_ROWS, type BackupsTable } from './data-table';
import type { BackupsTableMeta } from './data-table-features';
import { DataTablePagination } from './data-table-pagination';
import { pageCount } from './pagination';
import { NodeTable } from './set-cells';
import { VerifyJobControls } from '@/components/verify/verify-job-controls';
import { VerifyProvider } from '@/components/verify/verify-context';

/** A classic cluster grouped by job: one row per whole job (the API never splits one across pages). */
export function JobsTable({
  table,
  jobs,
  total,
  loading,
}: {
  table: BackupsTable;
  jobs: JobSummary[];
  total: number;
  loading: boolean;
}) {
  const t = useTranslations('kinds.jobs');
  const meta = table.options.meta!;
  const { pageIndex, pageSize } = table.state.pagination;
  const page = Math.min(pageIndex + 1, pageCount(total, pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  return (
    <>
      <ul
        aria-label={t('label')}
        aria-busy={loading || undefined}
        className={cn(
          'divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-700 dark:border-slate-700',
          loading && UPDATING_ROWS,
        )}
      >
        {jobs.map((job) => (
          <JobRow key={job.jobId} job={job} meta={meta} />
        ))}
        {jobs.length === 0 && <li className="p-4 text-sm">{t('empty')}</li>}
      </ul>
      <DataTablePagination
        table={table}
        summary={t('summary', { first, last: Math.min(total, page * pageSize), total })}
      />
    </>
  );
}

function JobStatusText({ job }: { job: JobSummary }) {
  const t = useTranslations('kinds.jobs');
  if (job.status === 'Success') return <span>{t('shards', { shards: job.shards })}</span>;
  return (
    <span className="text-red-700 dark:text-red-300">
      {job.failed > 0 && t('failed', { failed: job.failed, shards: job.shards })}
      {job.failed > 0 && job.missing > 0 && ' · '}
      {job.missing > 0 && t('missing', { missing: job.missing, shards: job.shards })}
    </span>
  );
}

/** One job with all its shards, from the index (the row's verification and its expanded shards share it). */
function useJobDetail(instanceId: string, jobId: string) {
  return useQuery({
    queryKey: ['job', instanceId, jobId],
    queryFn: ({ signal }) =>
      fetchJson<JobDetail>(
        `/api/instances/${encodeURIComponent(instanceId)}/backups/jobs/${encodeURIComponent(jobId)}`,
        { signal },
      ),
  });
}

function JobRow({ job, meta }: { job: JobSummary; meta: BackupsTableMeta }) {
  const t = useTranslations('kinds.jobs');
  const f = meta.format;
  const [open, setOpen] = useState(false);
  const shards = useJobDetail(meta.instanceId, job.jobId).data?.backups;
  const Chevron = open ? ChevronDown : ChevronRight;
  return (
    <VerifyProvider instanceId={meta.instanceId} role={meta.role} backups={shards}>
      <li className="space-y-2 p-3 text-sm">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <button
            type="button"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            className="inline-flex items-center gap-1 rounded font-medium focus-visible:outline-2 focus-visible:outline-blue-600"
          >
            <Chevron aria-hidden className="h-4 w-4" />
            {t('job')} <span className="font-mono text-xs">{job.jobId}</span>
          </button>
          <JobStatusText job={job} />
          <span className="text-slate-700 tabular-nums dark:text-slate-300">
            {t('period', {
              start: f.dateTime(job.startTime, true),
              end: job.endTime ? f.dateTime(job.endTime, true) : t('running'),
            })}
          </span>
          <ExactBytes bytes={job.size} className="text-slate-700 tabular-nums dark:text-slate-300">
            {f.bytes(job.size)}
          </ExactBytes>
          {can(meta.role, 'download') && (
            <Button size="sm" onClick={(e) => meta.downloadJob(job.jobId, e.currentTarget)}>
              <FileDown aria-hidden className="h-4 w-4" />
              {t('download')}
              <span className="sr-only"> {t('downloadOf', { id: job.jobId })}</span>
            </Button>
          )}
          {shards && <VerifyJobControls jobId={job.jobId} backups={shards} />}
        </div>
        {open && <JobShards jobId={job.jobId} meta={meta} />}
      </li>
    </VerifyProvider>
  );
}

function JobShards({ jobId, meta }: { jobId: string; meta: BackupsTableMeta }) {
  const t = useTranslations('kinds.jobs');
  const errorMessage = useErrorMessage();
  const detail = useJobDetail(meta.instanceId, jobId);
  if (detail.isPending) return <p role="status">{t('loading', { id: jobId })}</p>;
  if (detail.isError)
    return (
      <p role="alert" className="text-red-700 dark:text-red-300">
        {t('loadFailed', { message: errorMessage(detail.error) })}
      </p>
    );
  return (
    <div className="overflow-x-auto pl-5">
      <NodeTable caption={t('caption', { id: jobId })} backups={detail.data.backups} meta={meta} />
    </div>
  );
}
