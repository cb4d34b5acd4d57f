import { describe, expect, it } from 'vitest';
import type { Instance } from '@/lib/aliyun/types';
import { checkRange, nextDayRange } from './date-range';
import { downloadBlock, setDownloadBlock } from './download-policy';
import { instanceKeywords, matchesSearch } from '@/lib/ui/instance-search';
import { invalidValues } from './link-check';
import { pageRows } from './pagination';
import { testTranslator } from '@/lib/i18n/test-translator';

const NOW = Date.parse('2026-11-28T12:00:00Z');

describe('checkRange', () => {
  it('accepts a past range and returns it as given', () => {
    expect(checkRange('2026-11-21T12:00Z', '2026-11-28T12:00Z', NOW)).toEqual({
      ok: true,
      range: { start: '2026-11-21T12:00Z', end: '2026-11-28T12:00Z' },
    });
  });

  it('says a missing side is missing, not that "" is not a date-time', () => {
    expect(checkRange('2026-11-21T12:00Z', null, NOW)).toEqual({
      ok: false,
      field: 'end',
      problem: 'missing',
    });
    expect(checkRange(null, '2026-11-21T12:00Z', NOW)).toEqual({
      ok: false,
      field: 'start',
      problem: 'missing',
    });
  });

  it('keeps a malformed value, refuses an end before the start and a start in the future', () => {
    expect(checkRange('2026-13-01T00:00Z', '2026-11-28T12:00Z', NOW)).toEqual({
      ok: false,
      field: 'start',
      problem: 'malformed',
      value: '2026-13-01T00:00Z',
    });
    expect(checkRange('2026-11-28T12:00Z', '2026-11-21T12:00Z', NOW)).toEqual({
      ok: false,
      field: 'end',
      problem: 'order',
    });
    expect(checkRange('2026-11-29T00:00Z', '2026-11-30T00:00Z', NOW)).toEqual({
      ok: false,
      field: 'start',
      problem: 'future',
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

describe('pageRows', () => {
  it('gives the first and last row of the page', () => {
    expect(pageRows(2, 30, 504)).toEqual({ first: 31, last: 60 });
    expect(pageRows(1, 30, 1)).toEqual({ first: 1, last: 1 });
    expect(pageRows(2, 30, 31)).toEqual({ first: 31, last: 31 });
    expect(pageRows(1, 30, 0)).toEqual({ first: 0, last: 0 });
    expect(pageRows(1, 100, 5400)).toEqual({ first: 1, last: 100 });
  });

  it('reads a page past the end as the last page', () => {
    expect(pageRows(999, 30, 56)).toEqual({ first: 31, last: 56 });
  });

  it("is said with the locale's numbers and plurals", () => {
    const en = testTranslator('backups.pagination');
    const zh = testTranslator('backups.pagination', 'zh-CN');
    expect(en('rows', { first: 1, last: 100, total: 5400 })).toBe('1–100 of 5,400 backups');
    expect(en('one', { first: 1, total: 1 })).toBe('1 of 1 backup');
    expect(zh('rows', { first: 31, last: 60, total: 504 })).toBe('第 31–60 个，共 504 个备份');
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
      { field: 'status', value: 'Nope' },
      { field: 'sort', value: 'bogus.asc' },
      { field: 'pageSize', value: '7' },
    ]);
  });
});

describe('download blocks', () => {
  it('a backup: the role first, then a status without a file', () => {
    expect(downloadBlock({ status: 'Failed' }, 'viewer')).toEqual({ reason: 'role', role: 'viewer' });
    expect(downloadBlock({ status: 'Failed' }, 'downloader')).toEqual({ reason: 'status', status: 'Failed' });
    expect(downloadBlock({ status: 'Success' }, 'downloader')).toBeNull();
  });

  it('a backup set downloads while any node has a file, whatever its status says', () => {
    const set = (status: string, nodes: number, unavailable: number) => ({
      status,
      set: { nodes, unavailable },
    });
    expect(setDownloadBlock(set('Incomplete', 16, 2), 'downloader')).toBeNull();
    expect(setDownloadBlock(set('Failed', 4, 4), 'downloader')).toEqual({
      reason: 'status',
      status: 'Failed',
    });
    expect(setDownloadBlock(set('Running', 0, 0), 'downloader')).toEqual({
      reason: 'status',
      status: 'Running',
    });
    expect(setDownloadBlock(set('Success', 4, 0), 'viewer')).toEqual({ reason: 'role', role: 'viewer' });
  });
});
