'use client';

import { useTranslations } from 'next-intl';
import type { Instance } from '@/lib/aliyun/types';

/** The instance the page is about; its id alone until the instance list has loaded (or if it has none). */
export function BackupsHeader({ instanceId, instance }: { instanceId: string; instance?: Instance }) {
  const t = useTranslations('backups.header');
  const words = useTranslations('shell.instance');
  const architecture = instance
    ? words.has(`architecture.${instance.architecture}`)
      ? words(`architecture.${instance.architecture}`)
      : instance.architecture
    : '';
  const shards = instance?.shardCount && instance.shardCount > 1 ? instance.shardCount : null;
  return (
    <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
      <h1 className="text-xl font-semibold break-all">
        {instance?.name ?? instanceId} <span className="sr-only">{t('backups')}</span>
      </h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        <code className="font-mono">{instanceId}</code>
        {instance &&
          ` · ${instance.regionId} · ${instance.engine} ${instance.engineVersion ?? ''} · ${architecture}`}
        {shards && ` · ${t('shards', { count: shards })}`}
      </p>
    </header>
  );
}
