'use client';

import { History } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/ui/use-format';

/** Flashback: the instance can be restored to any point from its log start time to now. */
export function RestorableWindow({ start }: { start: string }) {
  const t = useTranslations('kinds.window');
  const f = useFormat();
  return (
    <p
      className="flex flex-wrap items-center gap-x-2 text-sm text-slate-700 dark:text-slate-300"
      title={t('hint')}
    >
      <History aria-hidden className="h-4 w-4" />
      <span className="font-medium">{t('label')}</span>
      <time dateTime={start}>
        {t('range', { start: f.dateTime(start), zone: f.zoneShort(Date.parse(start)) })}
      </time>
    </p>
  );
}
