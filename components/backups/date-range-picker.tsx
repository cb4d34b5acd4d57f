'use client';

import { CalendarRange } from 'lucide-react';
import { useState } from 'react';
import { DayPicker, type DateRange as DayRange } from 'react-day-picker';
import 'react-day-picker/style.css';
import {
  checkRange,
  matchingPreset,
  nextDayRange,
  presetRange,
  RANGE_PRESETS,
  toUrlTime,
  type DateRange,
} from './date-range';
import { formatDateTime, parseDateTime, zoneLabel, zoneShort, type TimeZoneMode } from '@/lib/ui/time-zone';
import { Button, buttonClass } from '@/components/ui/button';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { useNow } from '@/components/ui/use-now';

/** The period control: presets, or a custom range typed or picked on a calendar, in UTC or local time. */
export function DateRangePicker({
  range,
  timeZone,
  onChange,
}: {
  range: DateRange | null;
  timeZone: TimeZoneMode;
  onChange: (range: DateRange) => void;
}) {
  const [open, setOpen] = useState(false);
  const now = useNow();
  const preset = range ? matchingPreset(range, now) : undefined;
  const label = !range
    ? 'Choose a range'
    : preset
      ? preset.label
      : `${formatDateTime(range.start, timeZone)} – ${formatDateTime(range.end, timeZone)}`;

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger aria-label="Date range" className={buttonClass('default', 'sm', 'max-w-full')}>
        <CalendarRange aria-hidden className="h-4 w-4" />
        <span aria-hidden className="truncate">
          {label}
        </span>
        <span aria-hidden className="text-xs text-slate-600 dark:text-slate-300">
          {zoneShort(timeZone)}
        </span>
      </PopoverTrigger>
      <PopoverContent
        aria-label="Choose a date range"
        className="max-h-[var(--radix-popover-content-available-height)] w-[min(22rem,calc(100vw-1rem))] overflow-y-auto p-3"
      >
        {open && (
          <RangeForm
            range={range}
            timeZone={timeZone}
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

function RangeForm({
  range,
  timeZone,
  now,
  onApply,
}: {
  range: DateRange | null;
  timeZone: TimeZoneMode;
  now: number;
  onApply: (range: DateRange) => void;
}) {
  const [startText, setStartText] = useState(range ? formatDateTime(range.start, timeZone) : '');
  const [endText, setEndText] = useState(range ? formatDateTime(range.end, timeZone) : '');
  const [error, setError] = useState<{ field: 'start' | 'end'; message: string } | null>(null);
  const zone = zoneLabel(timeZone);

  const start = parseDateTime(startText, timeZone);
  const end = parseDateTime(endText, timeZone);
  // The calendar works in the browser's days; only the y/m/d of each side is taken from it.
  const toDay = (text: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
    return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
  };
  const selected: DayRange = { from: toDay(startText), to: toDay(endText) };
  const dayText = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const timeOf = (text: string, fallback: string) => /\d{1,2}:\d{2}\s*$/.exec(text)?.[0].trim() ?? fallback;

  function apply() {
    if (!start)
      return setError({
        field: 'start',
        message: `Start: "${startText}" is not a date and time like 2026-11-01 08:00.`,
      });
    if (!end)
      return setError({
        field: 'end',
        message: `End: "${endText}" is not a date and time like 2026-11-08 08:00.`,
      });
    const next = { start: toUrlTime(start), end: toUrlTime(end) };
    const check = checkRange(next.start, next.end, now);
    if (!check.ok) return setError({ field: check.field, message: check.message });
    onApply(next);
  }

  const inputClass =
    'h-9 w-full rounded-md border border-slate-300 bg-white px-2 font-mono text-sm aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-950 dark:aria-invalid:border-red-400';

  return (
    <div className="space-y-3">
      <div>
        <p className="mb-1.5 text-xs font-semibold text-slate-600 dark:text-slate-300">Presets</p>
        <div className="grid grid-cols-2 gap-1.5">
          {RANGE_PRESETS.map((p) => (
            <Button key={p.id} size="sm" onClick={() => onApply(presetRange(p))}>
              {p.label}
            </Button>
          ))}
        </div>
      </div>
      <form
        className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-700"
        aria-label="Custom range"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <p className="text-xs font-semibold text-slate-600 dark:text-slate-300">
          Custom range <span className="font-normal">· times in {zone}</span>
        </p>
        <DayPicker
          mode="range"
          selected={selected}
          defaultMonth={selected.to ?? selected.from}
          onSelect={(_, day) => {
            setError(null);
            const next = nextDayRange(selected, day);
            setStartText(`${dayText(next.from)} ${timeOf(startText, '00:00')}`);
            setEndText(next.to ? `${dayText(next.to)} ${timeOf(endText, '23:59')}` : '');
          }}
          className="rdp-console"
        />
        <div className="grid grid-cols-2 gap-2">
          <label className="space-y-1">
            <span className="block text-xs">Start ({zoneShort(timeZone)})</span>
            <input
              className={inputClass}
              value={startText}
              placeholder="YYYY-MM-DD HH:mm"
              aria-invalid={error?.field === 'start' || undefined}
              aria-describedby={error ? 'range-error' : undefined}
              onChange={(e) => (setStartText(e.target.value), setError(null))}
            />
          </label>
          <label className="space-y-1">
            <span className="block text-xs">End ({zoneShort(timeZone)})</span>
            <input
              className={inputClass}
              value={endText}
              placeholder="YYYY-MM-DD HH:mm"
              aria-invalid={error?.field === 'end' || undefined}
              aria-describedby={error ? 'range-error' : undefined}
              onChange={(e) => (setEndText(e.target.value), setError(null))}
            />
          </label>
        </div>
        {/* Kept in view at the bottom of the popover, however little room a phone leaves it. */}
        <div className="sticky bottom-0 -mx-3 -mb-3 space-y-2 border-t border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
          {error && (
            <p id="range-error" role="alert" className="text-sm text-red-700 dark:text-red-300">
              {error.message}
            </p>
          )}
          <div className="flex justify-end">
            <Button type="submit" variant="primary" size="sm">
              Apply range
            </Button>
          </div>
        </div>
      </form>
    </div>
  );
}
