'use client';

import { CloudOff } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { IndexFreshness } from '@/lib/backups/answer';
import { lastErrorText, staleText } from './freshness';
import { Button } from '@/components/ui/button';
import { useFormat } from '@/components/ui/use-format';

/** The last attempt to bring the range up to date failed: the rows are real, but as of an older time. */
export function StaleBanner({
  freshness,
  now,
  retrying,
  onRetry,
}: {
  freshness: IndexFreshness;
  now: number;
  retrying: boolean;
  onRetry: () => void;
}) {
  const t = useTranslations('backups.freshness');
  const f = useFormat();
  return (
    <section
      role="alert"
      className="flex flex-wrap items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <CloudOff aria-hidden className="mt-0.5 h-5 w-5 shrink-0" />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-medium">{staleText(freshness.asOf, t, f, now)}</p>
        {freshness.lastError && <p className="break-words">{lastErrorText(freshness.lastError, t)}</p>}
      </div>
      <Button size="sm" onClick={onRetry} disabled={retrying} aria-busy={retrying}>
        {retrying ? t('retrying') : t('retry')}
      </Button>
    </section>
  );
}
