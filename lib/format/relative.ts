// "7 years ago", "in 14 minutes", "3分钟前": how far an instant is from now, in words of the locale.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formats = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format;
}

/** The largest whole unit, never rounding up: 2,818 days are "7 years ago", 47 hours "yesterday" only past 24 h. */
function pick(ms: number): [number, Intl.RelativeTimeFormatUnit] {
  const abs = Math.abs(ms);
  if (abs < 5 * SECOND) return [0, 'second'];
  if (abs < MINUTE) return [Math.floor(abs / SECOND), 'second'];
  if (abs < HOUR) return [Math.floor(abs / MINUTE), 'minute'];
  if (abs < DAY) return [Math.floor(abs / HOUR), 'hour'];
  if (abs < 30 * DAY) return [Math.floor(abs / DAY), 'day'];
  if (abs < 365 * DAY) return [Math.floor(abs / (30 * DAY)), 'month'];
  return [Math.floor(abs / (365 * DAY)), 'year'];
}

/** The instant `iso` said relative to `now` ("now" within five seconds). */
export function formatRelative(iso: string, now: number, locale: string): string {
  const ms = Date.parse(iso) - now;
  if (Number.isNaN(ms)) return iso;
  const [value, unit] = pick(ms);
  return relativeFormat(locale).format(ms < 0 ? -value : value, unit);
}

/** How long ago `iso` was: a time slightly ahead of `now` (another machine's clock) reads as now. */
export function formatAge(iso: string, now: number, locale: string): string {
  return formatRelative(iso, Math.max(now, Date.parse(iso) || now), locale);
}
