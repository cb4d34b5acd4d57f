import { parseDateTime, toMinute } from '@/lib/dates';

// The backups page's period: presets, the default, and the checks a range must pass before it is sent.
// Preset names and problems are message keys (`backups.presets.*`, `backups.range.*`).

export const RANGE_PRESETS = [
  { id: '24h', hours: 24 },
  { id: '7d', hours: 24 * 7 },
  { id: '30d', hours: 24 * 30 },
  { id: '90d', hours: 24 * 90 },
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

/** What is wrong with a range: a side missing from the link, not a date-time, in the wrong order, or ahead. */
export type RangeProblem =
  | { field: 'start' | 'end'; problem: 'missing' }
  | { field: 'start' | 'end'; problem: 'malformed'; value: string }
  | { field: 'end'; problem: 'order' }
  | { field: 'start'; problem: 'future' };

export type RangeCheck = { ok: true; range: DateRange } | ({ ok: false } & RangeProblem);

/** Mirrors the API's rules (and refuses a range that has not begun) so a bad range is explained, not sent. */
export function checkRange(start: string | null, end: string | null, now: number): RangeCheck {
  if (start === null) return { ok: false, field: 'start', problem: 'missing' };
  const s = parseDateTime(start);
  if (!s) return { ok: false, field: 'start', problem: 'malformed', value: start };
  if (end === null) return { ok: false, field: 'end', problem: 'missing' };
  const e = parseDateTime(end);
  if (!e) return { ok: false, field: 'end', problem: 'malformed', value: end };
  if (e.getTime() <= s.getTime()) return { ok: false, field: 'end', problem: 'order' };
  if (s.getTime() > now) return { ok: false, field: 'start', problem: 'future' };
  return { ok: true, range: { start, end } };
}

/** The preset a range matches (same span, ending within a few minutes of now), for the trigger's label. */
export function matchingPreset(range: DateRange, now: number = Date.now()): RangePreset | undefined {
  const span = Date.parse(range.end) - Date.parse(range.start);
  if (Math.abs(Date.parse(range.end) - now) > 10 * 60_000) return undefined;
  return RANGE_PRESETS.find((p) => p.hours * 3_600_000 === span);
}

/** A click on the calendar: after a whole range it starts a new one, after a first day it ends it. */
export function nextDayRange(current: { from?: Date; to?: Date }, day: Date): { from: Date; to?: Date } {
  const { from, to } = current;
  if (!from || to) return { from: day };
  return day < from ? { from: day, to: from } : { from, to: day };
}

/** The same period, however each side is spelled (`08:00Z`, `08:00:00.000Z`). */
export function sameRange(a: DateRange, b: DateRange): boolean {
  return Date.parse(a.start) === Date.parse(b.start) && Date.parse(a.end) === Date.parse(b.end);
}
