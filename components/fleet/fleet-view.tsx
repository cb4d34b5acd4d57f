'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useQueryStates } from 'nuqs';
import { useCallback, useMemo } from 'react';
import { usePolicyText } from '@/components/health/policy-text';
import { useHealthText } from '@/components/health/use-health-text';
import { useNow } from '@/components/ui/use-now';
import { useTimeZoneMode } from '@/components/ui/use-time-zone-mode';
import { HEALTH_STATES } from '@/lib/health/types';
import { formatZonedDateTime } from '@/lib/ui/time-zone';
import type { CellContext } from './fleet-columns';
import { fleetSearchParsers } from './fleet-search-params';
import { FleetTable } from './fleet-table';
import { FleetToolbar } from './fleet-toolbar';
import { countByRegion, countByState, viewFleet } from './fleet-view-logic';
import { useFleet } from './use-fleet';
import { buttonClass } from '@/components/ui/button';

/** `/`: every instance the user may see, with its backup health; the view (filters, search, sort) is the URL's. */
export function FleetView() {
  const t = useTranslations('fleet');
  const format = useFormatter();
  const now = useNow();
  const [timeZone] = useTimeZoneMode();
  const [view, setView] = useQueryStates(fleetSearchParsers, { history: 'push' });
  const fleet = useFleet();
  const policyText = usePolicyText();
  const healthText = useHealthText();
  const all = useMemo(() => fleet.data?.instances ?? [], [fleet.data]);
  const rows = useMemo(() => viewFleet(all, view), [all, view]);
  const stateCounts = useMemo(() => countByState(all), [all]);
  const onSearch = useCallback(
    (q: string) => void setView({ q: q || null }, { history: 'replace' }),
    [setView],
  );

  if (fleet.isError)
    return (
      <section role="alert" className="space-y-2 rounded-lg border border-red-300 p-4 dark:border-red-700">
        <h1 className="font-semibold">{t('loadError')}</h1>
        <p className="text-sm">{fleet.error.message}</p>
        <button type="button" className={buttonClass('default', 'sm')} onClick={() => void fleet.refetch()}>
          {t('retry')}
        </button>
      </section>
    );

  const ctx: CellContext = {
    now,
    relative: (iso) => format.relativeTime(new Date(iso), now),
    exact: (iso) => formatZonedDateTime(iso, timeZone),
    policy: (e) => policyText(e.policy, timeZone),
    reason: (e) => healthText.reason(e.health.reason),
    sizeTrend: (e) => healthText.sizeTrend(e.health.sizeTrend),
    never: t('never'),
    stripLabel: t('columns.days'),
  };
  const parts = HEALTH_STATES.filter((s) => stateCounts[s] > 0)
    .map((s) => t('summaryPart', { count: stateCounts[s], state: t(`stateLower.${s}`) }))
    .join(', ');

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        {fleet.data && (
          <p className="text-xs text-slate-600 dark:text-slate-300">
            {t('evaluated', { time: formatZonedDateTime(fleet.data.evaluatedAt, timeZone) })}
          </p>
        )}
      </div>
      {fleet.data && (
        <p role="status" className="text-sm font-medium">
          {t('summary', { total: all.length, parts })}
          {rows.length !== all.length && <> · {t('showing', { shown: rows.length, total: all.length })}</>}
        </p>
      )}
      {fleet.data && all.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm dark:border-slate-600">
          {t('empty')}
        </p>
      ) : (
        <>
          <FleetToolbar
            states={view.state}
            regions={view.region}
            stateCounts={stateCounts}
            regionCounts={countByRegion(all)}
            q={view.q}
            onChange={(patch) => void setView(patch)}
            onSearch={onSearch}
            onClear={() => void setView({ state: null, region: null, q: null })}
          />
          <FleetTable rows={rows} sort={view.sort} onSort={(sort) => void setView({ sort })} ctx={ctx} />
          {fleet.data && rows.length === 0 && <p className="text-sm">{t('noMatch')}</p>}
        </>
      )}
    </div>
  );
}
