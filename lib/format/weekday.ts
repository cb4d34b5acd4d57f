// Names of the days of the week in the reader's locale: "Mon" (en), "周一" (zh-CN).

const formats = new Map<string, Intl.DateTimeFormat>();

/** `day`: 0 = Sunday … 6 = Saturday, as Date.getUTCDay counts. */
export function formatWeekday(day: number, locale: string): string {
  let format = formats.get(locale);
  if (!format)
    formats.set(locale, (format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' })));
  // 2024-01-07 was a Sunday.
  return format.format(Date.UTC(2024, 0, 7 + (((day % 7) + 7) % 7), 12));
}
