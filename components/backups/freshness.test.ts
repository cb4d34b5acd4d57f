import { describe, expect, it } from 'vitest';
import { exportPath, refreshPath, withRange } from './backups-links';
import { indexingText, lastErrorText, refreshOutcome, staleText } from './freshness';
import { budgetText, intervalText, syncProgressText } from '@/components/admin/index-status-text';
import { createFormatter } from '@/lib/format/formatter';
import { testTranslator } from '@/lib/i18n/test-translator';

const NOW = Date.parse('2026-11-28T14:05:00Z');

const t = testTranslator('backups.freshness');

describe('indexingText', () => {
  it('reads "Indexing 3,000 of 5,400 backups" once the total is known', () => {
    expect(indexingText({ fetched: 3000, total: 5400 }, t)).toBe('Indexing 3,000 of 5,400 backups');
    expect(indexingText({ fetched: 3000, total: 5400 }, testTranslator('backups.freshness', 'zh-CN'))).toBe(
      '正在建立索引：3,000 / 5,400 个备份',
    );
  });

  it('never counts past the total, and says what it can before the total is known', () => {
    expect(indexingText({ fetched: 5410, total: 5400 }, t)).toBe('Indexing 5,400 of 5,400 backups');
    expect(indexingText({ fetched: 0, total: null }, t)).toBe('Indexing backups…');
    expect(indexingText({ fetched: 1200, total: null }, t)).toBe('Indexing backups: 1,200 so far');
  });
});

describe('the stale banner', () => {
  it('says since when the rows are known, in the chosen zone, and the last error with its request id', () => {
    expect(staleText('2026-11-28T14:02:00Z', t, createFormatter('en', 'UTC'), NOW)).toBe(
      'Alibaba Cloud is not answering: showing backups as of 2026-11-28 14:02 UTC (3 minutes ago).',
    );
    expect(staleText('2026-11-28T14:02:00Z', t, createFormatter('en', 'Asia/Shanghai'), NOW)).toContain(
      'as of 2026-11-28 22:02 UTC+08:00',
    );
    expect(
      lastErrorText({ code: 'ServiceUnavailable', message: 'Try later.', requestId: 'ABC-1', at: '' }, t),
    ).toBe('Last error: Try later. (request id ABC-1)');
    expect(lastErrorText({ code: 'timeout', message: 'No answer.', requestId: null, at: '' }, t)).toBe(
      'Last error: No answer.',
    );
  });
});

describe('refreshOutcome', () => {
  const answer = (refreshing: boolean, errorAt: string | null) => ({
    refreshing,
    lastError: errorAt ? { code: 'x', message: 'm', requestId: null, at: errorAt } : null,
  });
  const before = '2026-11-28T13:00:00Z';

  it('is done once the range is no longer being read, whatever error the page already showed', () => {
    expect(refreshOutcome(answer(false, null), before)).toBe('done');
    expect(refreshOutcome(answer(false, before), before)).toBe('done');
    expect(refreshOutcome(answer(false, null), null)).toBe('done');
  });

  it('is pending while the range is still being read, and failed on a new error either way', () => {
    expect(refreshOutcome(answer(true, before), before)).toBe('pending');
    expect(refreshOutcome(answer(true, null), null)).toBe('pending');
    expect(refreshOutcome(answer(true, '2026-11-28T14:04:00Z'), before)).toBe('failed');
    expect(refreshOutcome(answer(false, '2026-11-28T14:04:00Z'), null)).toBe('failed');
  });
});

describe('backups links', () => {
  it('exports the view without its paging, filters and sort kept', () => {
    const path = exportPath(
      'r-bp1abc',
      {
        start: '2026-11-01T00:00Z',
        end: '2026-11-08T00:00Z',
        status: 'Failed',
        type: '',
        q: '',
        sort: 'size.desc',
        page: '3',
        pageSize: '50',
      },
      'json',
    );
    const url = new URL(path, 'http://x');
    expect(url.pathname).toBe('/api/instances/r-bp1abc/backups/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'json',
      start: '2026-11-01T00:00Z',
      end: '2026-11-08T00:00Z',
      status: 'Failed',
      sort: 'size.desc',
    });
  });

  it('refreshes exactly the shown range', () => {
    expect(refreshPath('r-bp1abc', { start: '2026-11-01T00:00Z', end: '2026-11-08T00:00Z' })).toBe(
      '/api/instances/r-bp1abc/backups/refresh?start=2026-11-01T00%3A00Z&end=2026-11-08T00%3A00Z',
    );
  });

  it('puts a range into a link, keeping every other value', () => {
    const link = withRange(
      '/instances/r-bp1abc/backups',
      { group: 'job', status: ['Failed', 'Success'], end: '', page: undefined },
      { start: '2026-11-01T00:00Z', end: '2026-11-08T00:00Z' },
    );
    const url = new URL(link, 'http://x');
    expect(url.searchParams.getAll('status')).toEqual(['Failed', 'Success']);
    expect(url.searchParams.get('group')).toBe('job');
    expect(url.searchParams.getAll('end')).toEqual(['2026-11-08T00:00Z']);
    expect(url.searchParams.has('page')).toBe(false);
  });
});

describe('index status text', () => {
  const t = testTranslator('admin.index');
  const zh = testTranslator('admin.index', 'zh-CN');
  const f = createFormatter('en', 'UTC');
  const budget = {
    maxQps: 20,
    burst: 20,
    currentQps: 20,
    inFlight: 0,
    queued: 0,
    callsLastMinute: 12,
    throttledLastMinute: 0,
    pausedUntil: null,
  };

  it('reads the budget in one line, adding only what is unusual', () => {
    expect(budgetText(budget, t, f)).toBe('12 calls in the last minute · budget 20/s · 0 in flight');
    expect(
      budgetText({ ...budget, currentQps: 7.5, queued: 3, throttledLastMinute: 2, inFlight: 7 }, t, f),
    ).toBe(
      '12 calls in the last minute · budget 20/s · 7 in flight · 3 queued · 2 throttled in the last minute · slowed to 7.5/s',
    );
    expect(budgetText({ ...budget, callsLastMinute: 1 }, t, f)).toMatch(/^1 call in the last minute/);
    expect(budgetText(budget, zh, createFormatter('zh-CN', 'UTC'))).toBe(
      '最近一分钟调用 12 次 · 配额 20 次/秒 · 进行中 0 个',
    );
  });

  it('shows intervals and progress', () => {
    const interval = { start: '2026-10-29T14:05:00.000Z', end: '2026-11-28T14:05:00.000Z' };
    expect(intervalText(interval, f)).toBe('2026-10-29 14:05 – 2026-11-28 14:05 UTC');
    expect(intervalText(interval, createFormatter('en', 'Asia/Shanghai'))).toBe(
      '2026-10-29 22:05 – 2026-11-28 22:05 UTC+08:00',
    );
    expect(syncProgressText({ fetched: 2400, total: 5400 }, t)).toBe('2,400 of 5,400');
    expect(syncProgressText({ fetched: 300, total: null }, t)).toBe('300 so far');
  });
});
