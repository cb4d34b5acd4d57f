'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { IndexFreshness } from '@/lib/backups/answer';
import { indexingText } from './freshness';

/** A range read from Alibaba Cloud for the first time: how far it has got, while the rows fill in below. */
export function IndexingProgress({ syncing }: { syncing: NonNullable<IndexFreshness['syncing']> }) {
  const t = useTranslations('backups.freshness');
  const labelId = useId();
  const { fetched, total } = syncing;
  const known = total !== null && total > 0;
  const share = known ? Math.min(1, fetched / total) : null;
  return (
    <div className="space-y-1.5 rounded-lg border border-blue-200 bg-blue-50 p-3 text-sm text-blue-950 dark:border-blue-900 dark:bg-blue-950/40 dark:text-blue-100">
      <p id={labelId} className="font-medium tabular-nums">
        {indexingText(syncing, t)}
      </p>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={known ? 0 : undefined}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? Math.min(fetched, total) : undefined}
        className="h-2 overflow-hidden rounded-full bg-blue-100 dark:bg-blue-900/60"
      >
        <div
          className={
            share === null
              ? 'h-full w-1/3 animate-pulse rounded-full bg-blue-600 dark:bg-blue-400'
              : 'h-full rounded-full bg-blue-600 transition-[width] duration-500 dark:bg-blue-400'
          }
          style={share === null ? undefined : { width: `${share * 100}%` }}
        />
      </div>
      <p className="text-xs text-blue-900 dark:text-blue-200">{t('firstRead')}</p>
    </div>
  );
}
