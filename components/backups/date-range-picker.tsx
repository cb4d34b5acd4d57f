'use client';

import { CalendarRange } from 'lucide-react';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { matchingPreset, type DateRange } from './date-range';
import { buttonClass } from '@/components/ui/button';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { Skeleton } from '@/components/ui/skeleton';
import { useFormat } from '@/components/ui/use-format';
import { useNow } from '@/components/ui/use-now';

// The calendar and its form load when the popover first opens: the page's first paint does not need them.
const DateRangeForm = dynamic(() => import('./date-range-form').then((m) => m.DateRangeForm), {
  ssr: false,
  loading: () => <FormSkeleton />,
});

/** The period control: presets, or a custom range typed or picked on a calendar, in the display zone. */
export function DateRangePicker({
  range,
  onChange,
}: {
  range: DateRange | null;
  onChange: (range: DateRange) => void;
}) {
  const t = useTranslations('backups.range');
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const now = useNow();
  const preset = range ? matchingPreset(range, now) : undefined;
  const label = !range
    ? t('choose')
    : preset
      ? t(`presets.${preset.id}`)
      : `${f.dateTime(range.start)} – ${f.dateTime(range.end)} ${f.zoneShort(Date.parse(range.end))}`;

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger aria-label={t('label')} className={buttonClass('default', 'sm', 'max-w-full')}>
        <CalendarRange aria-hidden className="h-4 w-4" />
        <span aria-hidden className="truncate">
          {label}
        </span>
      </PopoverTrigger>
      <PopoverContent
        aria-label={t('chooseRange')}
        className="max-h-[var(--radix-popover-content-available-height)] w-[min(22rem,calc(100vw-1rem))] overflow-y-auto p-3"
      >
        {open && (
          <DateRangeForm
            range={range}
            now={now}
            onApply={(next) => {
              onChange(next);
              setOpen(false);
            }}
          />
        )}
      </PopoverContent>
    </Popover>
  );
}

function FormSkeleton() {
  return (
    <div className="space-y-3" aria-busy="true">
      <Skeleton className="h-24 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
