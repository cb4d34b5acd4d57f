import 'server-only';
import { cookies } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { resolveDisplayZone, TIME_ZONE_COOKIE, type DisplayZone } from './display-zone';
import { createFormatter, type Formatter } from './formatter';

/** The request's display zone: `tz` from the page's URL when it has one, else the remembered choice. */
export async function getDisplayZone(param?: string | string[]): Promise<DisplayZone> {
  const remembered = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return resolveDisplayZone(typeof param === 'string' ? param : undefined, remembered);
}

/** A formatter in the request's locale and display zone, for server components. */
export async function getFormat(param?: string | string[]): Promise<Formatter> {
  const [locale, zone] = await Promise.all([getLocale(), getDisplayZone(param)]);
  return createFormatter(locale, zone.timeZone);
}
