'use client';

import { useTranslations } from 'next-intl';
import type { BackupsAnswer } from '@/lib/backups/answer';
import { Skeleton } from '@/components/ui/skeleton';
import { useFormat } from '@/components/ui/use-format';

function Stat({
  label,
  value,
  title,
  hint,
}: {
  label: string;
  value: string;
  title?: string;
  hint?: string;
}) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="mt-1 truncate text-lg font-semibold tabular-nums" title={title}>
        {value}
      </dd>
      {hint && <dd className="truncate text-xs text-slate-600 dark:text-slate-300">{hint}</dd>}
    </div>
  );
}

/** The range at a glance; counts cover every backup in the range, whatever the filters. */
export function BackupsSummary({ data, now }: { data: BackupsAnswer; now: number }) {
  const t = useTranslations('backups.summary');
  const f = useFormat();
  const success = data.facets.status.Success ?? 0;
  const failed = data.totals.count - success;
  return (
    <dl aria-label={t('label')} className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
      <Stat
        label={t('backups')}
        value={f.count(data.totals.count)}
        hint={failed > 0 ? t('failed', { count: failed }) : t('noneFailed')}
      />
      <Stat
        label={t('successRate')}
        value={f.percent(success, data.totals.count) ?? '—'}
        hint={t('succeeded', { count: success })}
      />
      <Stat
        label={t('totalSize')}
        value={f.bytes(data.totals.bytes)}
        title={t('bytes', { count: data.totals.bytes })}
      />
      <Stat
        label={t('latestSuccess')}
        value={data.latestSuccessAt ? f.age(data.latestSuccessAt, now) : t('noneInRange')}
        hint={data.latestSuccessAt ? f.dateTime(data.latestSuccessAt) : undefined}
      />
      <Stat
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
