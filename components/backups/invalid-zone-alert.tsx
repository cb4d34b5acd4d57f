'use client';

import { parseAsString, useQueryState } from 'nuqs';
import { useTranslations } from 'next-intl';
import { TIME_ZONE_PARAM } from '@/lib/format/display-zone';
import { Button } from '@/components/ui/button';

/** A `tz=` in the link that is no time zone: said, with the zone used instead, and a way to drop it. */
export function InvalidZoneAlert({ invalid, timeZone }: { invalid: string; timeZone: string }) {
  const t = useTranslations('backups.timeZone');
  const [, setParam] = useQueryState(TIME_ZONE_PARAM, parseAsString);
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p className="min-w-0 flex-1">{t('invalid', { value: invalid, zone: timeZone })}</p>
      <Button size="sm" onClick={() => void setParam(null)}>
        {t('removeInvalid')}
      </Button>
    </div>
  );
}
