// The one place that reads and writes the date-times we exchange: ISO 8601 in URLs and API queries, and
// DescribeBackups' whole minutes. Pure, for the browser and the server alike.

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Earliest and latest instants we accept: anything outside is a typo, never a backup. */
export const EARLIEST = Date.UTC(2010, 0, 1);
export const LATEST = Date.UTC(2100, 0, 1);

export const DATE_TIME_EXAMPLE = '2026-11-01T08:00:00Z or 2026-11-01T16:00+08:00';

/** `+0800` is valid ISO 8601 but not every Date.parse accepts it. */
function withColonOffset(v: string): string {
  return v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

/** Date.parse rolls 2026-02-30 over to March: a real calendar date survives the round trip. */
function realDay(y: string, m: string, d: string): boolean {
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return day.getUTCMonth() === Number(m) - 1 && day.getUTCDate() === Number(d);
}

function sane(t: number): Date | null {
  return Number.isNaN(t) || t < EARLIEST || t > LATEST ? null : new Date(t);
}

/** An ISO 8601 date-time with an offset (or Z), on a real calendar day between 2010 and 2100; else null. */
export function parseDateTime(value: string | null | undefined): Date | null {
  const m = value ? DATE_TIME.exec(value) : null;
  if (!m || !realDay(m[1]!, m[2]!, m[3]!) || Number(m[4]) > 23 || Number(m[5]) > 59) return null;
  return sane(Date.parse(withColonOffset(value!)));
}

/**
 * A date-time as above, or a date alone, which means that whole UTC day: its first millisecond as a start,
 * its last as an end.
 */
export function parseDateOrDateTime(value: string, edge: 'start' | 'end'): Date | null {
  const m = DATE_ONLY.exec(value);
  if (!m) return parseDateTime(value);
  if (!realDay(m[1]!, m[2]!, m[3]!)) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return sane(edge === 'end' ? t + 86_399_999 : t);
}

/** `2026-11-01T08:00Z`: DescribeBackups' format, and what our URLs carry (short and stable). */
export function toMinute(date: Date | number): string {
  return new Date(date).toISOString().slice(0, 16) + 'Z';
}
