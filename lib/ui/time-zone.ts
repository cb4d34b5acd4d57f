// Times are shown and typed either in UTC or in the browser's zone. Pure helpers over both.

export type TimeZoneMode = 'utc' | 'local';

const pad = (n: number) => String(n).padStart(2, '0');

function parts(date: Date, mode: TimeZoneMode) {
  return mode === 'utc'
    ? [
        date.getUTCFullYear(),
        date.getUTCMonth() + 1,
        date.getUTCDate(),
        date.getUTCHours(),
        date.getUTCMinutes(),
        date.getUTCSeconds(),
      ]
    : [
        date.getFullYear(),
        date.getMonth() + 1,
        date.getDate(),
        date.getHours(),
        date.getMinutes(),
        date.getSeconds(),
      ];
}

/** `2026-11-01 08:00` (or with seconds) in the chosen zone. */
export function formatDateTime(iso: string | null, mode: TimeZoneMode, seconds = false): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const [y, mo, d, h, mi, s] = parts(date, mode) as [number, number, number, number, number, number];
  return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}${seconds ? `:${pad(s)}` : ''}`;
}

/** The short zone name next to a time or a field: `UTC` or `local`. */
export function zoneShort(mode: TimeZoneMode): 'UTC' | 'local' {
  return mode === 'utc' ? 'UTC' : 'local';
}

/** A time that says its zone when it is UTC; local times read as local without a suffix. */
export function formatZonedDateTime(iso: string | null, mode: TimeZoneMode, seconds = false): string {
  if (!iso) return '—';
  const text = formatDateTime(iso, mode, seconds);
  return mode === 'utc' ? `${text} UTC` : text;
}

/** The zone's label: `UTC` or `UTC+08:00 (Asia/Shanghai)`. */
export function zoneLabel(mode: TimeZoneMode, at: Date = new Date()): string {
  if (mode === 'utc') return 'UTC';
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}${name ? ` (${name})` : ''}`;
}

const TYPED = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})\s*$/;

/** Parses `YYYY-MM-DD HH:mm` typed in the chosen zone; null when malformed or not a real date. */
export function parseDateTime(text: string, mode: TimeZoneMode): Date | null {
  const m = TYPED.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const date = mode === 'utc' ? new Date(Date.UTC(y, mo - 1, d, h, mi)) : new Date(y, mo - 1, d, h, mi);
  const [cy, cmo, cd] = parts(date, mode);
  return cy === y && cmo === mo && cd === d ? date : null;
}
