'use client';

import { useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useQueryStates } from 'nuqs';
import { useCallback, useMemo } from 'react';
import { ErrorState } from '@/components/backups/backups-states';
import { TimeZonePicker } from '@/components/backups/time-zone-picker';
import { usePolicyText } from '@/components/health/policy-text';
import { useHealthText } from '@/components/health/use-health-text';
import { useFormat } from '@/components/ui/use-format';
import { TIME_ZONE_PARAM } from '@/lib/format/display-zone';
import { HEALTH_STATES } from '@/lib/health/types';
import { backupsHref, type CellContext } from './fleet-columns';
import { fleetSearchParsers } from './fleet-search-params';
import { FleetTable } from './fleet-table';
import { FleetToolbar } from './fleet-toolbar';
import { countByRegion, countByState, viewFleet } from './fleet-view-logic';
import { useFleet } from './use-fleet';

/**
 * `/`: every instance the user may see, with its backup health; the view (filters, search, sort) is the URL's,
 * and so is the display zone (`tz=`, as on the backups page, carried on to them).
 */
export function FleetView() {
  const t = useTranslations('fleet');
  const words = useTranslations('shell.instance');
  const f = useFormat();
  const tz = useSearchParams().get(TIME_ZONE_PARAM);
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

  const ctx: CellContext = {
    href: (instanceId) => backupsHref(instanceId, tz),
    policy: (e) => policyText(e.policy),
    reason: (e) => healthText.reason(e.health.reason),
    sizeTrend: (e) => healthText.sizeTrend(e.health.sizeTrend),
    architecture: (e) => {
      const architecture = words.has(`architecture.${e.architecture}`)
        ? words(`architecture.${e.architecture}`)
        : e.architecture;
      return e.shardCount && e.shardCount > 1
        ? t('architectureShards', { architecture, count: e.shardCount })
        : architecture;
    },
    never: t('never'),
    stripLabel: t('stripLabel'),
    neverVerified: t('verification.never'),
    verificationFailed: (e) => t('verification.failed', { status: e.verification.status ?? '' }),
  };
  const parts = HEALTH_STATES.filter((s) => stateCounts[s] > 0)
    .map((s) => t('summaryPart', { count: stateCounts[s], state: t(`stateLower.${s}`) }))
    .join(t('summarySeparator'));

  const header = (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <div className="flex flex-wrap items-center gap-2">
        {fleet.data && (
          <p className="text-xs text-slate-600 dark:text-slate-300">
            {t('evaluated', {
              time: `${f.dateTime(fleet.data.evaluatedAt)} ${f.zoneShort(Date.parse(fleet.data.evaluatedAt))}`,
            })}
          </p>
        )}
        <TimeZonePicker />
      </div>
    </div>
  );
  if (fleet.isError)
    return (
      <div className="space-y-4">
        {header}
        <ErrorState error={fleet.error} onRetry={() => void fleet.refetch()} title={t('loadError')} />
      </div>
    );

  return (
    <div className="space-y-4">
      {header}
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
