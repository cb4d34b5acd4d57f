'use client';

import { useQuery } from '@tanstack/react-query';
import { History } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { fetchJson } from '@/lib/api/client/fetch-json';
import { Button } from '@/components/ui/button';
import { useFormat } from '@/components/ui/use-format';
import { toUrlTime, type DateRange } from './date-range';

const MINUTE = 60_000;
const WEEK = 7 * 86_400_000;

/** The week that ends with the newest backup: it is in view, with the days before it. */
export function latestBackupsRange(latest: string): DateRange {
  const end = Math.ceil((Date.parse(latest) + 1) / MINUTE) * MINUTE;
  return { start: toUrlTime(end - WEEK), end: toUrlTime(end) };
}

/**
 * An empty range: asks whether the instance has older backups and, if so, offers to go to the newest
 * ("Show the latest backups (2019-03-14)").
 */
export function LatestBackupsOffer({
  instanceId,
  range,
  onGo,
}: {
  instanceId: string;
  range: DateRange;
  onGo: (range: DateRange) => void;
}) {
  const t = useTranslations('backups.empty');
  const f = useFormat();
  const latest = useQuery({
    queryKey: ['latest-backup', instanceId, range.start],
    queryFn: ({ signal }) =>
      fetchJson<{ latest: string | null }>(
        `/api/instances/${encodeURIComponent(instanceId)}/backups/latest?before=${encodeURIComponent(range.start)}`,
        { signal },
      ),
    staleTime: 5 * 60_000,
  });
  if (latest.isPending)
    return (
      <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
        {t('lookingOlder')}
      </p>
    );
  // Not knowing is no reason to say anything: the range's own explanation stands.
  if (latest.isError || !latest.data.latest)
    return latest.data?.latest === null ? <p className="text-sm">{t('noneOlder')}</p> : null;
  const at = latest.data.latest;
  return (
    <Button variant="primary" onClick={() => onGo(latestBackupsRange(at))}>
      <History aria-hidden className="h-4 w-4" />
      {t('showLatest', { date: f.date(at) })}
    </Button>
  );
}
