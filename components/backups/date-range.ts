import { parseDateTime, toMinute } from '@/lib/dates';

// The backups page's period: presets, the default, and the checks a range must pass before it is sent.

export const RANGE_PRESETS = [
  { id: '24h', label: 'Last 24 hours', hours: 24 },
  { id: '7d', label: 'Last 7 days', hours: 24 * 7 },
  { id: '30d', label: 'Last 30 days', hours: 24 * 30 },
  { id: '90d', label: 'Last 90 days', hours: 24 * 90 },
] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: RangePreset = RANGE_PRESETS[1];

export interface DateRange {
  start: string;
  end: string;
}

/** What the URL carries: UTC, to the minute, so links are short and stable. */
export const toUrlTime = toMinute;

/** A preset ending at the next whole minute. */
export function presetRange(preset: Pick<RangePreset, 'hours'>, now: number = Date.now()): DateRange {
  const end = new Date(Math.ceil(now / 60_000) * 60_000);
  return { start: toUrlTime(new Date(end.getTime() - preset.hours * 3_600_000)), end: toUrlTime(end) };
}

export type RangeCheck =
  { ok: true; range: DateRange } | { ok: false; field: 'start' | 'end'; message: string };

/** Mirrors the API's rules (and refuses a range that has not begun) so a bad range is explained, not sent. */
export function checkRange(start: string | null, end: string | null, now: number): RangeCheck {
  const s = parseDateTime(start);
  if (start === null || !s)
    return { ok: false, field: 'start', message: notADateTime('start', start, '2026-11-01T08:00Z') };
  const e = parseDateTime(end);
  if (end === null || !e)
    return { ok: false, field: 'end', message: notADateTime('end', end, '2026-11-08T08:00Z') };
  if (e.getTime() <= s.getTime())
    return { ok: false, field: 'end', message: 'The end of the range is before its start.' };
  if (s.getTime() > now)
    return {
      ok: false,
      field: 'start',
      message: 'The range starts in the future, so it can hold no backups yet.',
    };
  return { ok: true, range: { start, end } };
}

function notADateTime(field: 'start' | 'end', value: string | null, example: string): string {
  return value
    ? `The ${field} "${value}" is not a date-time such as ${example}.`
    : `The link has no ${field} time.`;
}

/** The preset a range matches (same span, ending within a few minutes of now), for the trigger's label. */
export function matchingPreset(range: DateRange, now: number = Date.now()): RangePreset | undefined {
  const span = Date.parse(range.end) - Date.parse(range.start);
  if (Math.abs(Date.parse(range.end) - now) > 10 * 60_000) return undefined;
  return RANGE_PRESETS.find((p) => p.hours * 3_600_000 === span);
}

/** The next preset wider than the range, for an empty state's "show more" button. */
export function widerPreset(range: DateRange): RangePreset | undefined {
  const span = Date.parse(range.end) - Date.parse(range.start);
  return RANGE_PRESETS.find((p) => p.hours * 3_600_000 > span);
}

/** A click on the calendar: after a whole range it starts a new one, after a first day it ends it. */
export function nextDayRange(current: { from?: Date; to?: Date }, day: Date): { from: Date; to?: Date } {
  const { from, to } = current;
  if (!from || to) return { from: day };
  return day < from ? { from: day, to: from } : { from, to: day };
}
