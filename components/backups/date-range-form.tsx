'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { DayPicker, type DateRange as DayRange } from 'react-day-picker';
import { enUS, zhCN } from 'react-day-picker/locale';
import 'react-day-picker/style.css';
import { formatDateTime, parseZonedDateTime } from '@/lib/format/zone';
import { Button } from '@/components/ui/button';
import { useFormat } from '@/components/ui/use-format';
import {
  checkRange,
  nextDayRange,
  presetRange,
  RANGE_PRESETS,
  toUrlTime,
  type DateRange,
  type RangeProblem,
} from './date-range';
import { useRangeProblemText } from './use-range-problem-text';

/** Presets, then a custom range: typed (`2026-11-01 08:00` in the display zone) or picked on the calendar. */
export function DateRangeForm({
  range,
  now,
  onApply,
}: {
  range: DateRange | null;
  now: number;
  onApply: (range: DateRange) => void;
}) {
  const t = useTranslations('backups.range');
  const locale = useLocale();
  const f = useFormat();
  const problemText = useRangeProblemText();
  const zone = f.timeZone;
  const [startText, setStartText] = useState(range ? formatDateTime(range.start, zone) : '');
  const [endText, setEndText] = useState(range ? formatDateTime(range.end, zone) : '');
  const [error, setError] = useState<RangeProblem | null>(null);

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
    const start = parseZonedDateTime(startText, zone);
    if (!start)
      return setError(
        startText.trim()
          ? { field: 'start', problem: 'malformed', value: startText }
          : { field: 'start', problem: 'missing' },
      );
    const end = parseZonedDateTime(endText, zone);
    if (!end)
      return setError(
        endText.trim()
          ? { field: 'end', problem: 'malformed', value: endText }
          : { field: 'end', problem: 'missing' },
      );
    const next = { start: toUrlTime(start), end: toUrlTime(end) };
    const check = checkRange(next.start, next.end, now);
    if (!check.ok) return setError(check);
    onApply(next);
  }

  const inputClass =
    'h-9 w-full rounded-md border border-slate-300 bg-white px-2 font-mono text-sm aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-950 dark:aria-invalid:border-red-400';
  const zoneShort = f.zoneShort(now);
  const field = (side: 'start' | 'end', value: string, set: (v: string) => void) => (
    <label className="space-y-1">
      <span className="block text-xs">{t(side, { zone: zoneShort })}</span>
      <input
        className={inputClass}
        value={value}
        placeholder={t('placeholder')}
        inputMode="numeric"
        aria-invalid={error?.field === side || undefined}
        aria-describedby={error ? 'range-error' : undefined}
        onChange={(e) => (set(e.target.value), setError(null))}
      />
    </label>
  );

  return (
    <div className="space-y-3">
      <div>
        <p className="mb-1.5 text-xs font-semibold text-slate-600 dark:text-slate-300">{t('presetsLabel')}</p>
        <div className="grid grid-cols-2 gap-1.5">
          {RANGE_PRESETS.map((p) => (
            <Button key={p.id} size="sm" onClick={() => onApply(presetRange(p))}>
              {t(`presets.${p.id}`)}
            </Button>
          ))}
        </div>
      </div>
      <form
        className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-700"
        aria-label={t('custom')}
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <p className="text-xs font-semibold text-slate-600 dark:text-slate-300">
          {t('custom')} <span className="font-normal">{t('timesIn', { zone: f.zone(now) })}</span>
        </p>
        {/* The fields come first: on a phone they are what must stay in view, the calendar scrolls. */}
        <div className="grid grid-cols-2 gap-2">
          {field('start', startText, setStartText)}
          {field('end', endText, setEndText)}
        </div>
        <DayPicker
          mode="range"
          locale={locale === 'zh-CN' ? zhCN : enUS}
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
        {/* Kept in view at the bottom of the popover, however little room a phone leaves it. */}
        <div className="sticky bottom-0 -mx-3 -mb-3 space-y-2 border-t border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
          {error && (
            <p id="range-error" role="alert" className="text-sm text-red-700 dark:text-red-300">
              {problemText(error, 'form')}
            </p>
          )}
          <div className="flex justify-end">
            <Button type="submit" variant="primary" size="sm">
              {t('apply')}
            </Button>
          </div>
        </div>
      </form>
    </div>
  );
}
