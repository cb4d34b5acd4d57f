// Pure readers for one raw upstream value each. Upstream data is loosely typed (numbers as strings, PascalCase
// from the wire, camelCase from SDK models, odd values in real responses): each reader returns a clean value or
// null and never throws.
import type { RecoverConfigMode } from './types';

export type RawObject = Record<string, unknown>;

export function asObject(v: unknown): RawObject | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as RawObject) : null;
}

/** Exact key first, then case-insensitive, so `BackupJobID`, `BackupJobId` and `backupJobId` all match. */
export function field(obj: unknown, name: string): unknown {
  const o = asObject(obj);
  if (!o) return undefined;
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  const key = Object.keys(o).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : o[key];
}

/** `Backups.Backup` may be an array, a single object (XML-to-JSON conversions) or missing. */
export function list(obj: unknown, outer: string, inner: string): unknown[] {
  const container = field(obj, outer);
  const items = Array.isArray(container) ? container : field(container, inner);
  if (Array.isArray(items)) return items;
  return asObject(items) ? [items] : [];
}

/** Ids stay strings: an int64 id sent as a string must not pass through a JS number. */
export function toId(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'bigint') return v.toString();
  return null;
}

export function toText(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && NUMERIC.test(v.trim())) return Number(v.trim());
  return null;
}

// Alibaba sends UTC as `2019-03-14T05:28:50Z` or `2019-03-11T10:00Z`. Parsed by hand because Date.parse treats
// zone-less strings as local time and accepts many shapes we would rather reject.
const TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** ISO 8601 UTC; whole seconds print without `.000` so `2019-03-14T05:28:50Z` round-trips unchanged. */
export function toIsoTime(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = TIME.exec(v.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '', zone = 'Z'] = m;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const date = new Date(t);
  // Date.UTC rolls 2019-02-30 over to March; reject instead of silently moving the time.
  if (date.getUTCDate() !== Number(d) || date.getUTCHours() !== Number(h) || Number(s) > 59) return null;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

export function secondsBetween(startIso: string | null, endIso: string | null): number | null {
  if (!startIso || !endIso) return null;
  const seconds = Math.round((Date.parse(endIso) - Date.parse(startIso)) / 1000);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/**
 * Keeps a URL only when the value is exactly one well-formed http(s) URL. Rejected (null): anything with
 * whitespace, credentials, no host, or a second `http://` / `https://` after the scheme — the seed's
 * `https://…aliyuncs.com/http://…-internal…` is two URLs glued together and neither half can be trusted.
 * The original string is returned, not `URL.href`: re-serialising could re-encode a presigned query and
 * break its signature.
 */
export function toHttpUrl(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (!/^https?:\/\/[^\s]+$/i.test(s)) return null;
  if (/https?:\/\//i.test(s.slice(s.indexOf('//') + 2))) return null;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    !url.hostname ||
    url.username ||
    url.password
  ) {
    return null;
  }
  return s;
}

const RECOVER_FLAGS = ['whitelist', 'config', 'account'] as const;

/** `{"whitelist":true,"config":true,"account":true}` in a string; garbage keeps `raw` with no flags. */
export function toRecoverConfigMode(v: unknown): RecoverConfigMode | null {
  const raw = typeof v === 'string' ? v.trim() : asObject(v) ? JSON.stringify(v) : '';
  if (!raw) return null;
  const mode: RecoverConfigMode = { raw };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return mode;
  }
  const obj = asObject(parsed);
  if (!obj) return mode;
  for (const flag of RECOVER_FLAGS) {
    const value = field(obj, flag);
    if (typeof value === 'boolean') mode[flag] = value;
    else if (value === 'true' || value === 'false') mode[flag] = value === 'true';
  }
  return mode;
}
