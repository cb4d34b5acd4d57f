'use client';

import { useQuery } from '@tanstack/react-query';
import { Copy, Download } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ApiErrorBody } from '@/lib/api/api-error';
import { ApiRequestError } from '@/lib/api/client/fetch-json';
import { Button, buttonClass } from '@/components/ui/button';
import { useNotify } from '@/components/ui/notifier';
import { Sheet } from '@/components/ui/sheet';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { useFacetValueText } from './cells';
import { copyText } from './download-link';

type Variant = 'public' | 'intranet';

/** The server builds the script (fresh URLs for every file) and refuses an incomplete job unless confirmed. */
async function fetchScript(instanceId: string, jobId: string, variant: Variant, confirmed: boolean) {
  const params = new URLSearchParams({ variant });
  if (confirmed) params.set('confirm', 'incomplete');
  const res = await fetch(
    `/api/instances/${encodeURIComponent(instanceId)}/backups/jobs/${encodeURIComponent(jobId)}/script?${params}`,
  );
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiRequestError(res.status, body?.error ?? { code: 'internal', message: `HTTP ${res.status}` });
  }
  return res.text();
}

export function JobDownloadDialog({
  instanceId,
  jobId,
  opener,
  onClose,
}: {
  instanceId: string;
  /** A classic cluster's job id, or a cloud-native backup set's `cb-…` id; null when closed. */
  jobId: string | null;
  opener: HTMLElement | null;
  onClose: () => void;
}) {
  const t = useTranslations('kinds.script');
  const set = jobId?.startsWith('cb-') ?? false;
  return (
    <Sheet
      variant="center"
      open={jobId !== null}
      onOpenChange={(open) => !open && onClose()}
      returnFocusTo={opener}
      title={set ? t('titleSet', { id: jobId ?? '' }) : t('title', { id: jobId ?? '' })}
      description={t('description')}
    >
      {jobId !== null && <ScriptBody key={jobId} instanceId={instanceId} jobId={jobId} />}
    </Sheet>
  );
}

function ScriptBody({ instanceId, jobId }: { instanceId: string; jobId: string }) {
  const t = useTranslations('kinds.script');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const [variant, setVariant] = useState<Variant>('public');
  const [confirmed, setConfirmed] = useState(false);
  const script = useQuery({
    queryKey: ['job-script', instanceId, jobId, variant, confirmed],
    queryFn: () => fetchScript(instanceId, jobId, variant, confirmed),
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
  const refused =
    script.error instanceof ApiRequestError && script.error.body.missing ? script.error.body : null;
  const fileName = `download-job-${jobId}.sh`;

  return (
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
            {t(v)}
          </label>
        ))}
      </div>
      {script.isPending && <p role="status">{t('building')}</p>}
      {refused && <IncompleteJob refused={refused} onConfirm={() => setConfirmed(true)} />}
      {script.isError && !refused && (
        <div role="alert" className="space-y-2 text-sm text-red-700 dark:text-red-300">
          <p>{t('failed', { message: errorMessage(script.error) })}</p>
          <Button onClick={() => void script.refetch()}>{t('retry')}</Button>
        </div>
      )}
      {script.data && (
        <>
          <textarea
            readOnly
            aria-label={t('textarea')}
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
            <a
              href={`data:text/x-shellscript;charset=utf-8,${encodeURIComponent(script.data)}`}
              download={fileName}
              className={buttonClass('primary')}
            >
              <Download aria-hidden className="h-4 w-4" />
              {t('download', { file: fileName })}
            </a>
          </div>
        </>
      )}
    </div>
  );
}

/** The shards (or nodes) without a file, named, and the choice to download the rest. */
function IncompleteJob({ refused, onConfirm }: { refused: ApiErrorBody['error']; onConfirm: () => void }) {
  const t = useTranslations('kinds.script');
  const valueText = useFacetValueText();
  const missing = refused.missing ?? [];
  const shards = refused.shards ?? missing.length;
  const available = shards - missing.length;
  return (
    <section
      role="alert"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <h3 className="font-semibold">{t('incompleteTitle', { missing: missing.length, shards })}</h3>
      <p>{available > 0 ? t('incompleteBody', { available }) : t('noneAvailable')}</p>
      <ul className="max-h-40 list-disc overflow-y-auto pl-5">
        {missing.map((m, i) => (
          <li key={m.backupId ?? `${m.node}-${i}`}>
            <code className="font-mono">{m.node ?? t('unnamed')}</code> —{' '}
            {m.cause === 'status'
              ? t('cause.status', { status: valueText('status', m.status ?? '') })
              : t(`cause.${m.cause}`)}
          </li>
        ))}
      </ul>
      {available > 0 && (
        <Button variant="primary" onClick={onConfirm}>
          {t('confirm', { available })}
        </Button>
      )}
    </section>
  );
}
