'use client';

import { useMutation } from '@tanstack/react-query';
import { Copy } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { useNotify } from '@/components/ui/notifier';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { copyText, fetchDownloadLink } from './download-link';

const titles = { public: 'Public URL', intranet: 'Intranet URL (ECS in the same region)' } as const;

/** A presigned URL fetched only when asked for, since each one is a fresh upstream call. */
export function BackupUrlReveal({
  instanceId,
  backupId,
  variant,
  disabledReason,
}: {
  instanceId: string;
  backupId: string;
  variant: 'public' | 'intranet';
  disabledReason: string | null;
}) {
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const link = useMutation({ mutationFn: () => fetchDownloadLink(instanceId, backupId, variant) });
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-medium">{titles[variant]}</h3>
        {!link.data && (
          <Button
            size="sm"
            disabled={Boolean(disabledReason) || link.isPending}
            onClick={() => link.mutate()}
          >
            {link.isPending ? 'Getting…' : `Show ${variant} URL`}
          </Button>
        )}
      </div>
      {disabledReason && <p className="text-xs text-slate-600 dark:text-slate-300">{disabledReason}</p>}
      {link.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {errorMessage(link.error)}
        </p>
      )}
      {link.data && (
        <div className="space-y-1">
          <textarea
            readOnly
            aria-label={titles[variant]}
            value={link.data.url}
            rows={3}
            className="w-full resize-none rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs break-all dark:border-slate-600 dark:bg-slate-950"
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-300">
            <span>
              {link.data.fileName}
              {link.data.expiresAt ? ` · expires ${link.data.expiresAt}` : ''}
            </span>
            <Button
              size="sm"
              onClick={() =>
                copyText(link.data.url).then(
                  () => notify(`Copied the ${variant} URL`),
                  (err: unknown) => notify(`Could not copy: ${errorMessage(err)}`, 'error'),
                )
              }
            >
              <Copy aria-hidden className="h-4 w-4" />
              Copy
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
