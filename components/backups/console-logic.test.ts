import { describe, expect, it } from 'vitest';
import type { Instance } from '@/lib/aliyun/types';
import { checkRange, nextDayRange } from './date-range';
import { instanceKeywords, matchesSearch } from '@/lib/ui/instance-search';
import { invalidValues } from './link-check';
import { pageSummary } from './pagination';

const NOW = Date.parse('2026-11-28T12:00:00Z');

describe('checkRange', () => {
  it('accepts a past range and returns it as given', () => {
    expect(checkRange('2026-11-21T12:00Z', '2026-11-28T12:00Z', NOW)).toEqual({
      ok: true,
      range: { start: '2026-11-21T12:00Z', end: '2026-11-28T12:00Z' },
    });
  });

  it('says a missing side is missing, not that "" is not a date-time', () => {
    expect(checkRange('2026-11-21T12:00Z', null, NOW)).toMatchObject({
      ok: false,
      field: 'end',
      message: 'The link has no end time.',
    });
    expect(checkRange(null, '2026-11-21T12:00Z', NOW)).toMatchObject({
      message: 'The link has no start time.',
    });
  });

  it('quotes a malformed value, refuses an end before the start and a start in the future', () => {
    expect(checkRange('2026-13-01T00:00Z', '2026-11-28T12:00Z', NOW)).toMatchObject({
      message: expect.stringContaining('"2026-13-01T00:00Z" is not a date-time'),
    });
    expect(checkRange('2026-11-28T12:00Z', '2026-11-21T12:00Z', NOW)).toMatchObject({ field: 'end' });
    expect(checkRange('2026-11-29T00:00Z', '2026-11-30T00:00Z', NOW)).toMatchObject({
      field: 'start',
      message: expect.stringContaining('future'),
    });
  });
});

describe('nextDayRange', () => {
  const d = (day: number) => new Date(2026, 10, day);
  it('starts a new range after a whole one, and ends it with the second click in either order', () => {
    expect(nextDayRange({ from: d(1), to: d(7) }, d(10))).toEqual({ from: d(10) });
    expect(nextDayRange({ from: d(10) }, d(12))).toEqual({ from: d(10), to: d(12) });
    expect(nextDayRange({ from: d(10) }, d(3))).toEqual({ from: d(3), to: d(10) });
    expect(nextDayRange({}, d(3))).toEqual({ from: d(3) });
  });
});

describe('pageSummary', () => {
  it('counts the rows on the page, in the singular when there is one', () => {
    expect(pageSummary(2, 30, 504)).toBe('31–60 of 504 backups');
    expect(pageSummary(1, 30, 1)).toBe('1 of 1 backup');
    expect(pageSummary(2, 30, 31)).toBe('31 of 31 backups');
    expect(pageSummary(1, 30, 0)).toBe('0 backups');
    expect(pageSummary(1, 100, 5400)).toBe('1–100 of 5,400 backups');
  });

  it('reads a page past the end as the last page', () => {
    expect(pageSummary(999, 30, 56)).toBe('31–56 of 56 backups');
  });
});

describe('matchesSearch', () => {
  const instance = (over: Partial<Instance>) =>
    ({
      name: 'x',
      instanceId: 'r-x',
      regionId: 'cn-hangzhou',
      architecture: 'standard',
      status: 'Normal',
      engine: 'Redis',
      ...over,
    }) as Instance;
  const cluster = instanceKeywords(instance({ name: 'feed-cluster', architecture: 'cluster' }));
  const ticker = instanceKeywords(instance({ name: 'ticker-cache-sg', regionId: 'ap-southeast-1' }));

  it('matches substrings of the keywords, never scattered letters', () => {
    expect(matchesSearch(cluster, 'cluster')).toBe(true);
    expect(matchesSearch(ticker, 'cluster')).toBe(false);
    expect(matchesSearch(ticker, 'SOUTHEAST')).toBe(true);
  });

  it('needs every word, each in any keyword', () => {
    expect(matchesSearch(cluster, 'feed hangzhou')).toBe(true);
    expect(matchesSearch(cluster, 'feed tair')).toBe(false);
    expect(matchesSearch(cluster, '  ')).toBe(true);
  });
});

describe('invalidValues', () => {
  const range = { start: '2026-11-21T12:00Z', end: '2026-11-28T12:00Z' };
  it('finds what the API would refuse, except the range', () => {
    expect(invalidValues({ ...range, sort: 'startTime.desc', status: 'Failed', page: '2' })).toEqual([]);
    expect(invalidValues({ start: 'nope', sort: 'bogus.asc', status: 'Nope', pageSize: '7' })).toEqual([
      { field: 'status', value: 'Nope', message: expect.stringContaining('Success, Failed') },
      { field: 'sort', value: 'bogus.asc', message: expect.stringContaining('startTime') },
      { field: 'pageSize', value: '7', message: 'expected one of 30, 50, 100' },
    ]);
  });
});
