export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Alibaba's second-precision UTC form: `2019-03-14T05:28:50Z` (no milliseconds). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `yyyyMMddHHmmss`, used in backup file names. */
export function compactTimestamp(ms: number): string {
  return isoSeconds(ms).replace(/[-:TZ]/g, '');
}
