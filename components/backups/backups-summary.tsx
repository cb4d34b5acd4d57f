'use client';

import { LoaderCircle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { BackupsAnswer } from '@/lib/backups/answer';
import { cn } from '@/lib/ui/cn';
import { Skeleton } from '@/components/ui/skeleton';
import { useFormat } from '@/components/ui/use-format';

/**
 * One figure. From 640 px a card with a hint below; on a phone a compact line of a shared box, so the
 * five figures take a few lines instead of the first screen.
 */
function Stat({
  label,
  value,
  title,
  hint,
  updating,
}: {
  label: string;
  value: string;
  title?: string;
  hint?: string;
  updating: boolean;
}) {
  const t = useTranslations('backups.summary');
  return (
    <div
      className={cn(
        'relative min-w-0 sm:rounded-lg sm:border sm:p-3',
        updating
          ? 'sm:border-dashed sm:border-blue-400 sm:bg-blue-50/60 dark:sm:border-blue-500 dark:sm:bg-blue-950/40'
          : 'sm:border-slate-200 dark:sm:border-slate-700',
      )}
    >
      <dt className="truncate text-xs font-medium text-slate-600 dark:text-slate-300">{label}</dt>
      <dd
        className={cn(
          'truncate text-sm font-semibold tabular-nums sm:mt-1 sm:text-lg',
          updating && 'text-slate-400 dark:text-slate-500',
        )}
        title={title}
      >
        {value}
      </dd>
      {hint && (
        <dd className="hidden truncate text-xs text-slate-600 sm:block dark:text-slate-300">{hint}</dd>
      )}
      {updating && (
        <dd className="absolute top-0 right-0 flex items-center gap-1 text-xs font-medium text-blue-800 sm:top-2 sm:right-2 dark:text-blue-200">
          <LoaderCircle aria-hidden className="h-3 w-3 animate-spin" />
          <span className="hidden sm:inline">{t('updating')}</span>
          <span className="sr-only sm:hidden">{t('updating')}</span>
        </dd>
      )}
    </div>
  );
}

/**
 * The range at a glance; counts cover every backup in the range, whatever the filters. While another range
 * loads, the figures are the previous range's: each is marked as updating, never shown as the new one's.
 */
export function BackupsSummary({
  data,
  now,
  updating,
}: {
  data: BackupsAnswer;
  now: number;
  updating: boolean;
}) {
  const t = useTranslations('backups.summary');
  const f = useFormat();
  const success = data.facets.status.Success ?? 0;
  const failed = data.totals.count - success;
  return (
    <dl
      aria-label={updating ? t('updatingLabel') : t('label')}
      aria-busy={updating || undefined}
      className="grid grid-cols-2 gap-x-4 gap-y-1.5 rounded-lg border border-slate-200 p-2.5 sm:grid-cols-3 sm:gap-2 sm:border-0 sm:p-0 lg:grid-cols-5 dark:border-slate-700"
    >
      <Stat
        updating={updating}
        label={t('backups')}
        value={f.count(data.totals.count)}
        hint={failed > 0 ? t('failed', { count: failed }) : t('noneFailed')}
      />
      <Stat
        updating={updating}
        label={t('successRate')}
        value={f.percent(success, data.totals.count) ?? '—'}
        hint={t('succeeded', { count: success })}
      />
      <Stat
        updating={updating}
        label={t('totalSize')}
        value={f.bytes(data.totals.bytes)}
        title={t('bytes', { count: data.totals.bytes })}
      />
      <Stat
        updating={updating}
        label={t('latestSuccess')}
        value={data.latestSuccessAt ? f.age(data.latestSuccessAt, now) : t('noneInRange')}
        hint={data.latestSuccessAt ? f.dateTime(data.latestSuccessAt) : undefined}
      />
      <Stat
        updating={updating}
        label={t('fullStorage')}
        value={data.storage.full === null ? '—' : f.bytes(data.storage.full)}
        title={data.storage.full === null ? undefined : t('bytes', { count: data.storage.full })}
        hint={data.storage.log ? t('plusLog', { size: f.bytes(data.storage.log) }) : t('fullStorageHint')}
      />
    </dl>
  );
}

export function BackupsSummarySkeleton() {
  return (
    <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
          <Skeleton className="h-3 w-20" />
          <Skeleton className="mt-2 h-6 w-24" />
        </div>
      ))}
    </div>
  );
}
