'use client';

import { BarChart3 } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { DateRange } from '@/components/backups/date-range';
import type { InstanceHealthAnswer } from '@/lib/fleet/fetch-fleet';
import { buttonClass } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { useFormat } from '@/components/ui/use-format';
import { useLocalStorage } from '@/components/ui/use-local-storage';
import { useNow } from '@/components/ui/use-now';
import { usePolicyText } from './policy-text';
import { StateBadge } from './state-badge';
import { useHealthText } from './use-health-text';

// The chart's code is fetched only when the chart is shown, after the page itself: it is not part of the
// backups page's first load.
const BackupsPerDayChart = dynamic(
  () => import('./backups-per-day-chart').then((m) => m.BackupsPerDayChart),
  {
    ssr: false,
    loading: () => <Skeleton className="h-36 w-full" />,
  },
);

const CHART_KEY = 'kvstore-backups.health-chart';

/** The health panel's content, once the instance's health has arrived (see InstanceHealthPanel). */
export function InstanceHealthDetails({ data, range }: { data: InstanceHealthAnswer; range: DateRange }) {
  const t = useTranslations('fleet.header');
  const f = useFormat();
  const now = useNow();
  const policyText = usePolicyText();
  const healthText = useHealthText();
  const [chart, storeChart] = useLocalStorage(CHART_KEY);
  const showChart = chart !== 'hidden';

  const h = data.health;
  const when = (iso: string) =>
    t('when', {
      relative: f.relative(iso, now),
      time: `${f.dateTime(iso)} ${f.zoneShort(Date.parse(iso))}`,
    });
  const trend = healthText.sizeTrend(h.sizeTrend);
  const label = (chunks: ReactNode) => (
    <span className="font-medium text-slate-700 dark:text-slate-200">{chunks}</span>
  );
  return (
    <section
      aria-label={t('label')}
      className="space-y-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <StateBadge state={h.state} />
            <span className="text-sm">{healthText.reason(h.reason)}</span>
          </div>
          {trend && <p className="text-sm text-amber-800 dark:text-amber-200">{trend}</p>}
        </div>
        <button
          type="button"
          aria-pressed={showChart}
          onClick={() => storeChart(showChart ? 'hidden' : 'shown')}
          className={buttonClass('ghost', 'sm')}
        >
          <BarChart3 aria-hidden className="h-4 w-4" />
          {showChart ? t('hideChart') : t('showChart')}
        </button>
      </div>
      <div className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <p>{t.rich('policy', { label, value: policyText(data.policy) ?? '—' })}</p>
        <p>{t.rich('next', { label, value: h.nextExpectedAt ? when(h.nextExpectedAt) : t('noNext') })}</p>
        <p>
          {t.rich('lastSuccess', { label, value: h.lastSuccessAt ? when(h.lastSuccessAt) : '—' })}
          {h.periodMs !== null && <> · {t('period', { days: Math.round(h.periodMs / 86_400_000) })}</>}
        </p>
      </div>
      {showChart && <BackupsPerDayChart perDay={data.perDay} range={range} />}
    </section>
  );
}
