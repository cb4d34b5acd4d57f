'use client';

import { RefreshCw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { cn } from '@/lib/ui/cn';
import { Button } from '@/components/ui/button';
import { useFormat } from '@/components/ui/use-format';

/** "Updated 40 seconds ago" (the exact time on hover) and the button that reads the range again now. */
export function BackupsFreshness({
  asOf,
  now,
  refreshing,
  canRefresh,
  onRefresh,
}: {
  asOf: string | null | undefined;
  now: number;
  refreshing: boolean;
  canRefresh: boolean;
  onRefresh: () => void;
}) {
  const t = useTranslations('backups.freshness');
  const f = useFormat();
  return (
    <div className="flex items-center gap-2 sm:ml-auto">
      {asOf && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          <time
            dateTime={asOf}
            title={t('readAt', { time: `${f.dateTime(asOf, true)} ${f.zoneShort(Date.parse(asOf))}` })}
          >
            {t('updated', { age: f.age(asOf, now) })}
          </time>
        </p>
      )}
      <Button size="sm" onClick={onRefresh} disabled={!canRefresh || refreshing} aria-busy={refreshing}>
        <RefreshCw aria-hidden className={cn('h-4 w-4', refreshing && 'animate-spin')} />
        {refreshing ? t('refreshing') : t('refresh')}
      </Button>
    </div>
  );
}
