// Times shown in one time zone: UTC, the browser's, or any IANA zone. Pure (Intl only), for the server
// and the browser alike; the written form is ISO-like (2026-11-01 08:00) in every locale, as in the
// Alibaba Cloud console, so times line up in columns and can be typed back.

export const UTC = 'UTC';

const formats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Whether Intl knows the zone (an IANA name such as Asia/Shanghai, or UTC). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '' || value.length > 64) return false;
  try {
    partsFormat(value);
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling of a zone Intl knows ("asia/shanghai" → "Asia/Shanghai"), else null. */
export function canonicalTimeZone(value: string | null | undefined): string | null {
  if (!isTimeZone(value)) return null;
  const resolved = partsFormat(value).resolvedOptions().timeZone;
  return resolved === 'Etc/UTC' || resolved === 'Etc/GMT' || resolved === 'GMT' ? UTC : resolved;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of an instant in a zone. */
export function wallTime(instant: number, timeZone: string): WallTime {
  const out: Record<string, number> = {};
  for (const p of partsFormat(timeZone).formatToParts(instant))
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour! % 24,
    minute: out.minute!,
    second: out.second!,
  };
}

/** Minutes the zone is ahead of UTC at an instant (480 for Asia/Shanghai). */
export function zoneOffsetMinutes(timeZone: string, instant: number): number {
  const w = wallTime(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "+08:00", "-03:30", "+00:00". */
export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "UTC" or "Asia/Shanghai (UTC+08:00)": which zone, and how far from UTC it is at `at`. */
export function zoneLabel(timeZone: string, at: number): string {
  if (timeZone === UTC) return UTC;
  return `${timeZone} (UTC${formatOffset(zoneOffsetMinutes(timeZone, at))})`;
}

/** `2026-11-01 08:00` (or with seconds) in the zone; an unreadable value comes back as it was. */
export function formatDateTime(iso: string, timeZone: string, seconds = false): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const w = wallTime(t, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}${seconds ? `:${pad(w.second)}` : ''}`;
}

/** `2026-11-01`: the day in the zone. */
export function formatDate(iso: string, timeZone: string): string {
  return formatDateTime(iso, timeZone).slice(0, 10);
}

const TYPED = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})\s*$/;

/**
 * `YYYY-MM-DD HH:mm` typed as a wall-clock time in the zone, as an instant; null when malformed, not a real
 * day, or a time the zone skips (the hour a clock jumps forward).
 */
export function parseZonedDateTime(text: string, timeZone: string): Date | null {
  const m = TYPED.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The offset at the guess, then again at the answer: right on both sides of a change of offset.
  let t = asUtc - zoneOffsetMinutes(timeZone, asUtc) * 60_000;
  t = asUtc - zoneOffsetMinutes(timeZone, t) * 60_000;
  const w = wallTime(t, timeZone);
  return w.year === y && w.month === mo && w.day === d && w.hour === h && w.minute === mi
    ? new Date(t)
    : null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day typed in a filter (`2026-11-01`) as the ISO instant its first or last minute begins in the zone;
 * anything else comes back as typed, for the filter's own check to explain.
 */
export function zonedDayEdge(value: string, timeZone: string, edge: 'start' | 'end'): string {
  if (!DAY.test(value)) return value;
  const at = parseZonedDateTime(`${value} ${edge === 'start' ? '00:00' : '23:59'}`, timeZone);
  return at ? new Date(at.getTime() + (edge === 'end' ? 59_999 : 0)).toISOString() : value;
}
