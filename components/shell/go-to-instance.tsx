'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { lastInstance } from '@/lib/ui/recent-instances';
import { ErrorState } from '@/components/backups/backups-states';
import { DataTableSkeleton } from '@/components/backups/data-table';
import { useInstances } from './use-instances';

/** `/`: the instance this browser used last, else the first one. */
export function GoToInstance() {
  const t = useTranslations('shell.goToInstance');
  const router = useRouter();
  const instances = useInstances();
  const target = instances.data
    ? (instances.data.find((i) => i.instanceId === lastInstance()) ?? instances.data[0])?.instanceId
    : undefined;

  useEffect(() => {
    if (target) router.replace(`/instances/${encodeURIComponent(target)}/backups`);
  }, [target, router]);

  if (instances.isError)
    return (
      <ErrorState error={instances.error} onRetry={() => void instances.refetch()} title={t('loadError')} />
    );
  if (instances.data && instances.data.length === 0) {
    return (
      <section className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-600">
        <h1 className="font-semibold">{t('noneTitle')}</h1>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{t('noneBody')}</p>
      </section>
    );
  }
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('opening')}</h1>
      <DataTableSkeleton rows={4} />
    </div>
  );
}
