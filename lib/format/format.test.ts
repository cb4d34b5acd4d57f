import { describe, expect, it } from 'vitest';
import { resolveDisplayZone } from './display-zone';
import { createFormatter } from './formatter';
import { formatBytes, formatCount, formatDuration, formatPercent } from './numbers';
import { formatAge, formatRelative } from './relative';
import {
  canonicalTimeZone,
  formatDateTime,
  parseZonedDateTime,
  zonedDayEdge,
  zoneLabel,
  zoneOffsetMinutes,
} from './zone';

const NOW = Date.parse('2026-11-30T06:13:00Z');

describe('relative times', () => {
  it('says ages in words of the largest whole unit, never "2818 d ago"', () => {
    expect(formatRelative('2019-03-14T05:28:50Z', NOW, 'en')).toBe('7 years ago');
    expect(formatRelative('2019-03-14T05:28:50Z', NOW, 'zh-CN')).toBe('7年前');
    expect(formatRelative('2026-11-30T06:10:00Z', NOW, 'en')).toBe('3 minutes ago');
    expect(formatRelative('2026-11-30T06:12:20Z', NOW, 'en')).toBe('40 seconds ago');
    expect(formatRelative('2026-11-30T06:12:58Z', NOW, 'en')).toBe('now');
    expect(formatRelative('2026-11-28T06:13:00Z', NOW, 'en')).toBe('2 days ago');
    expect(formatRelative('2026-09-30T06:13:00Z', NOW, 'en')).toBe('2 months ago');
  });

  it('says expiries ahead of now, and an age never in the future', () => {
    expect(formatRelative('2026-11-30T06:27:54Z', NOW, 'en')).toBe('in 14 minutes');
    expect(formatRelative('2026-11-30T06:27:54Z', NOW, 'zh-CN')).toBe('14分钟后');
    expect(formatAge('2026-11-30T06:13:30Z', NOW, 'en')).toBe('now');
  });
});

describe('numbers', () => {
  it('counts, sizes, shares and durations in the locale', () => {
    expect(formatCount(5400, 'en')).toBe('5,400');
    expect(formatBytes(1536, 'en')).toBe('1.50 KiB');
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(3 * 1024 ** 3 * 10.25, 'zh-CN')).toBe('30.8 GiB');
    expect(formatPercent(1, 3, 'en')).toBe('33.3%');
    expect(formatPercent(3, 3, 'en')).toBe('100%');
    expect(formatPercent(0, 0, 'en')).toBeNull();
    expect(formatDuration(3720, 'en')).toBe('1h 2m');
    expect(formatDuration(3720, 'zh-CN')).toBe('1小时2分钟');
    expect(formatDuration(42, 'en')).toBe('42s');
  });
});

describe('time zones', () => {
  it('shows an instant in any IANA zone, labelled with its offset', () => {
    expect(formatDateTime('2026-11-30T06:27:54Z', 'UTC', true)).toBe('2026-11-30 06:27:54');
    expect(formatDateTime('2026-11-30T20:27:54Z', 'Asia/Shanghai')).toBe('2026-12-01 04:27');
    expect(zoneLabel('Asia/Shanghai', NOW)).toBe('Asia/Shanghai (UTC+08:00)');
    expect(zoneLabel('America/St_Johns', NOW)).toBe('America/St_Johns (UTC-03:30)');
    expect(zoneLabel('UTC', NOW)).toBe('UTC');
    // Summer and winter in Berlin.
    expect(zoneOffsetMinutes('Europe/Berlin', Date.parse('2026-07-01T00:00Z'))).toBe(120);
    expect(zoneOffsetMinutes('Europe/Berlin', Date.parse('2026-01-01T00:00Z'))).toBe(60);
  });

  it('reads a typed wall-clock time in the zone, refusing days and hours that do not exist', () => {
    expect(parseZonedDateTime('2026-11-01 08:00', 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-11-01T00:00:00.000Z',
    );
    expect(parseZonedDateTime('2026-07-01 02:30', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-07-01T00:30:00.000Z',
    );
    expect(parseZonedDateTime('2026-02-30 08:00', 'UTC')).toBeNull();
    // 02:30 on the last Sunday of March does not happen in Berlin: the clock jumps from 02:00 to 03:00.
    expect(parseZonedDateTime('2026-03-29 02:30', 'Europe/Berlin')).toBeNull();
    expect(parseZonedDateTime('yesterday', 'UTC')).toBeNull();
  });

  it('turns a typed day into the first or last minute of that day in the zone', () => {
    expect(zonedDayEdge('2026-11-01', 'Asia/Shanghai', 'start')).toBe('2026-10-31T16:00:00.000Z');
    expect(zonedDayEdge('2026-11-01', 'UTC', 'end')).toBe('2026-11-01T23:59:59.999Z');
    expect(zonedDayEdge('11/01/2026', 'UTC', 'end')).toBe('11/01/2026');
  });

  it('takes tz from the link first, then the remembered zone, and says when the link’s is no zone', () => {
    expect(canonicalTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('Etc/UTC')).toBe('UTC');
    expect(resolveDisplayZone('Asia/Shanghai', 'Europe/Berlin')).toEqual({
      timeZone: 'Asia/Shanghai',
      invalid: null,
    });
    expect(resolveDisplayZone(null, 'Europe/Berlin')).toEqual({ timeZone: 'Europe/Berlin', invalid: null });
    expect(resolveDisplayZone('Mars/Olympus', undefined)).toEqual({
      timeZone: 'UTC',
      invalid: 'Mars/Olympus',
    });
    expect(resolveDisplayZone(undefined, 'nonsense')).toEqual({ timeZone: 'UTC', invalid: null });
  });

  it('binds locale and zone in one formatter', () => {
    const f = createFormatter('zh-CN', 'Asia/Shanghai');
    expect(f.dateTime('2026-11-30T06:27:54Z')).toBe('2026-11-30 14:27');
    expect(f.zoneShort(NOW)).toBe('UTC+08:00');
    expect(f.relative('2026-11-30T06:27:54Z', NOW)).toBe('14分钟后');
  });
});
