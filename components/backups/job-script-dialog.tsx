'use client';

import { useQuery } from '@tanstack/react-query';
import { Copy, Download } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { fetchJson } from '@/lib/api/fetch-json';
import { backupsApiPath } from '@/lib/backups/query-rules';
import type { BackupsAnswer } from '@/lib/backups/answer';
import type { DateRange } from './date-range';
import { jobDownloadScript, type ShardLink, type ShardSkipped } from './shell-script';
import { Button, buttonClass } from '@/components/ui/button';
import { useNotify } from '@/components/ui/notifier';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { Sheet } from '@/components/ui/sheet';
import { copyText, fetchDownloadLink } from './download-link';

/** Every shard of one job over the range, then one fresh URL per shard: a script to fetch them all. */
async function buildScript(
  instanceId: string,
  jobId: string,
  range: DateRange,
  variant: 'public' | 'intranet',
) {
  const shards = await fetchJson<BackupsAnswer>(
    backupsApiPath(instanceId, { ...range, q: jobId, pageSize: '100', sort: 'node.asc' }),
  );
  const inJob = shards.rows.filter((b) => b.backupJobId === jobId);
  const skipped: ShardSkipped[] = inJob
    .filter((b) => b.status !== 'Success')
    .map((b) => ({ node: b.nodeInstanceId, backupId: b.backupId, reason: `status ${b.status}, no file` }));
  const links: ShardLink[] = await Promise.all(
    inJob
      .filter((b) => b.status === 'Success')
      .map(async (b) => ({
        node: b.nodeInstanceId,
        backupId: b.backupId,
        ...(await fetchDownloadLink(instanceId, b.backupId, variant)),
      })),
  );
  return jobDownloadScript({ instanceId, jobId, links, skipped, generatedAt: new Date().toISOString() });
}

export function JobScriptDialog({
  instanceId,
  jobId,
  range,
  opener,
  onClose,
}: {
  instanceId: string;
  jobId: string | null;
  range: DateRange | null;
  opener: HTMLElement | null;
  onClose: () => void;
}) {
  const t = useTranslations('backups.jobScript');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const [variant, setVariant] = useState<'public' | 'intranet'>('public');
  const script = useQuery({
    queryKey: ['job-script', instanceId, jobId, range, variant],
    enabled: jobId !== null && range !== null,
    queryFn: () => buildScript(instanceId, jobId!, range!, variant),
    staleTime: 0,
    gcTime: 0,
  });
  const fileName = `download-job-${jobId}.sh`;
  const href = script.data
    ? `data:text/x-shellscript;charset=utf-8,${encodeURIComponent(script.data)}`
    : undefined;

  return (
    <Sheet
      variant="center"
      open={jobId !== null}
      onOpenChange={(open) => !open && onClose()}
      returnFocusTo={opener}
      title={t('title', { jobId: jobId ?? '' })}
      description={t('description')}
    >
      <div className="space-y-3">
        <div role="radiogroup" aria-label={t('urlKind')} className="flex flex-wrap gap-4 text-sm">
          {(['public', 'intranet'] as const).map((v) => (
            <label key={v} className="flex items-center gap-1.5">
              <input
                type="radio"
                name="variant"
                checked={variant === v}
                onChange={() => setVariant(v)}
                className="accent-blue-700"
              />
              {t(`variants.${v}`)}
            </label>
          ))}
        </div>
        {script.isPending && <p role="status">{t('getting')}</p>}
        {script.isError && (
          <div role="alert" className="space-y-2 text-sm text-red-700 dark:text-red-300">
            <p>{t('failed', { message: errorMessage(script.error) })}</p>
            <Button onClick={() => void script.refetch()}>{t('retry')}</Button>
          </div>
        )}
        {script.data && (
          <>
            <textarea
              readOnly
              aria-label={t('script')}
              value={script.data}
              rows={12}
              wrap="off"
              className="w-full rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-950"
            />
            <div className="flex flex-wrap justify-end gap-2">
              <Button
                onClick={() =>
                  copyText(script.data).then(
                    () => notify(t('copied')),
                    (err: unknown) => notify(t('copyFailed', { message: errorMessage(err) }), 'error'),
                  )
                }
              >
                <Copy aria-hidden className="h-4 w-4" />
                {t('copy')}
              </Button>
              <a href={href} download={fileName} className={buttonClass('primary')}>
                <Download aria-hidden className="h-4 w-4" />
                {t('download', { fileName })}
              </a>
            </div>
          </>
        )}
      </div>
    </Sheet>
  );
}
