'use client';

import { Globe } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { zoneLabel } from '@/lib/format/zone';
import { buttonClass } from '@/components/ui/button';
import { useDisplayZone } from '@/components/ui/display-zone';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { useNow } from '@/components/ui/use-now';

// The zone list (cmdk, and every zone Intl knows) loads when the picker first opens.
const ZoneList = dynamic(() => import('./time-zone-list').then((m) => m.ZoneList), { ssr: false });

/** UTC, the browser's zone or any IANA zone, for every time on the page; the choice goes in the URL. */
export function TimeZonePicker() {
  const t = useTranslations('backups.timeZone');
  const { timeZone } = useDisplayZone();
  const now = useNow();
  const [open, setOpen] = useState(false);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger
        aria-label={t('label', { zone: zoneLabel(timeZone, now) })}
        className={buttonClass('default', 'sm', 'max-w-full')}
      >
        <Globe aria-hidden className="h-4 w-4" />
        <span aria-hidden className="truncate">
          {zoneLabel(timeZone, now)}
        </span>
      </PopoverTrigger>
      <PopoverContent aria-label={t('choose')} className="w-[min(24rem,calc(100vw-1rem))]">
        {open && <ZoneList now={now} onPick={() => setOpen(false)} />}
      </PopoverContent>
    </Popover>
  );
}
