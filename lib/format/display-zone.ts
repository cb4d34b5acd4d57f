import { canonicalTimeZone, UTC } from './zone';

// Which zone times are shown in: the link's `tz=` first (a link shows what its sender saw), else the
// zone this browser chose last (a cookie, so the server renders the same times), else UTC.

export const TIME_ZONE_COOKIE = 'kvstore-tz';
export const TIME_ZONE_PARAM = 'tz';

export interface DisplayZone {
  timeZone: string;
  /** A `tz=` the link carried that is no zone: said on the page, never silently dropped. */
  invalid: string | null;
}

export function resolveDisplayZone(
  param: string | null | undefined,
  remembered: string | null | undefined,
): DisplayZone {
  const fallback = canonicalTimeZone(remembered) ?? UTC;
  if (param === null || param === undefined || param === '') return { timeZone: fallback, invalid: null };
  const zone = canonicalTimeZone(param);
  return zone ? { timeZone: zone, invalid: null } : { timeZone: fallback, invalid: param };
}
