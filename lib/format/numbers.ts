// Numbers, sizes, shares and durations in the reader's locale (Intl), the same on the server and in the
// browser for a given locale.

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** 5400 → "5,400" (en), "5,400" (zh-CN). */
export function formatCount(n: number, locale: string): string {
  return numberFormat(locale).format(n);
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Binary units, as the Alibaba Cloud console counts them: 1536 → "1.50 KiB". */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : 1;
  const text = numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value,
  );
  return `${text} ${UNITS[unit]}`;
}

/** "98.8%"; a whole 0 or 100 without decimals; nothing to divide by is null. */
export function formatPercent(part: number, whole: number, locale: string): string | null {
  if (whole === 0) return null;
  const share = part / whole;
  const digits = share === 0 || share === 1 ? 0 : 1;
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}

/** 3720 → "1h 2m" (en), "1小时2分钟" (zh-CN): the two largest units. */
export function formatDuration(seconds: number, locale: string): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow' }).format(value);
  const parts =
    h > 0
      ? [unit(h, 'hour'), unit(m, 'minute')]
      : m > 0
        ? [unit(m, 'minute'), unit(s, 'second')]
        : [unit(s, 'second')];
  return new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }).format(parts);
}
