'use client';

import { useMutation } from '@tanstack/react-query';
import { Copy } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { useNotify } from '@/components/ui/notifier';
import { RelativeTime } from '@/components/ui/relative-time';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { useDownloadBlockText } from './cells';
import { copyText, fetchDownloadLink } from './download-link';
import type { DownloadBlock } from './download-policy';

/** A presigned URL fetched only when asked for, since each one is a fresh upstream call. */
export function BackupUrlReveal({
  instanceId,
  backupId,
  variant,
  block,
}: {
  instanceId: string;
  backupId: string;
  variant: 'public' | 'intranet';
  block: DownloadBlock | null;
}) {
  const t = useTranslations('backups.url');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const blockText = useDownloadBlockText();
  const link = useMutation({ mutationFn: () => fetchDownloadLink(instanceId, backupId, variant) });
  const title = t(`title.${variant}`);
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-medium">{title}</h3>
        {!link.data && (
          <Button size="sm" disabled={Boolean(block) || link.isPending} onClick={() => link.mutate()}>
            {link.isPending ? t('getting') : t(`show.${variant}`)}
          </Button>
        )}
      </div>
      {block && <p className="text-xs text-slate-600 dark:text-slate-300">{blockText(block)}</p>}
      {link.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {errorMessage(link.error)}
        </p>
      )}
      {link.data && (
        <div className="space-y-1">
          <textarea
            readOnly
            aria-label={title}
            value={link.data.url}
            rows={3}
            className="w-full resize-none rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs break-all dark:border-slate-600 dark:bg-slate-950"
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-300">
            <span className="min-w-0 break-all">
              {link.data.fileName}
              {link.data.expiresAt && (
                <>
                  {' · '}
                  {t.rich('expires', { when: () => <RelativeTime iso={link.data.expiresAt!} /> })}
                </>
              )}
            </span>
            <Button
              size="sm"
              onClick={() =>
                copyText(link.data.url).then(
                  () => notify(t(`copied.${variant}`)),
                  (err: unknown) => notify(t('copyFailed', { message: errorMessage(err) }), 'error'),
                )
              }
            >
              <Copy aria-hidden className="h-4 w-4" />
              {t('copy')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
