import { formatBytes, formatCount, formatDuration, formatPercent } from './numbers';
import { formatAge, formatRelative } from './relative';
import { formatWeekday } from './weekday';
import { formatDate, formatDateTime, formatOffset, UTC, zoneLabel, zoneOffsetMinutes } from './zone';

// The one formatting module: every number, size, time and age the console shows goes through a formatter
// bound to the reader's locale and display zone (lib/format/use-format.ts in the browser,
// lib/format/server.ts on the server).

export interface Formatter {
  locale: string;
  timeZone: string;
  count(n: number): string;
  bytes(n: number): string;
  /** Null when there is nothing to divide by. */
  percent(part: number, whole: number): string | null;
  duration(seconds: number): string;
  /** `2026-11-01 08:00` (with seconds if asked) in the display zone. */
  dateTime(iso: string, seconds?: boolean): string;
  date(iso: string): string;
  /** "Mon", "周一": 0 = Sunday. */
  weekday(day: number): string;
  /** "in 14 minutes", "7 years ago". */
  relative(iso: string, now: number): string;
  /** As `relative`, never in the future. */
  age(iso: string, now: number): string;
  /** "UTC", "Asia/Shanghai (UTC+08:00)". */
  zone(at: number): string;
  /** "UTC", "UTC+08:00": short enough to follow a time. */
  zoneShort(at: number): string;
}

export function createFormatter(locale: string, timeZone: string): Formatter {
  return {
    locale,
    timeZone,
    count: (n) => formatCount(n, locale),
    bytes: (n) => formatBytes(n, locale),
    percent: (part, whole) => formatPercent(part, whole, locale),
    duration: (seconds) => formatDuration(seconds, locale),
    dateTime: (iso, seconds = false) => formatDateTime(iso, timeZone, seconds),
    date: (iso) => formatDate(iso, timeZone),
    weekday: (day) => formatWeekday(day, locale),
    relative: (iso, now) => formatRelative(iso, now, locale),
    age: (iso, now) => formatAge(iso, now, locale),
    zone: (at) => zoneLabel(timeZone, at),
    zoneShort: (at) => (timeZone === UTC ? UTC : `UTC${formatOffset(zoneOffsetMinutes(timeZone, at))}`),
  };
}
