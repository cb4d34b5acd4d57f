import { describe, expect, it } from 'vitest';
import type { Backup } from '@/lib/aliyun/types';
import { backupsQuerySchema } from './query';
import { buildView, sortBackups } from './view';

function backup(id: string, over: Partial<Backup> = {}): Backup {
  return {
    backupId: id,
    backupJobId: `9${id}`,
    instanceId: 'r-bp1abc',
    nodeInstanceId: 'r-bp1abc',
    status: 'Success',
    type: 'FullBackup',
    mode: 'Automated',
    method: 'Physical',
    startTime: `2026-11-0${id}T01:00:00Z`,
    endTime: `2026-11-0${id}T01:02:00Z`,
    durationSeconds: 120,
    size: Number(id) * 100,
    dbNames: 'all',
    engineVersion: '5.0',
    expectExpireTime: null,
    recoverConfigMode: null,
    ...over,
  };
}

const all = [
  backup('1', { status: 'Failed', size: 0 }),
  backup('2', { nodeInstanceId: 'r-bp1abc-db-1' }),
  backup('3', { mode: 'Manual', durationSeconds: null }),
  backup('4', { status: 'Failed', type: 'IncrementalBackup' }),
  backup('5'),
];
const query = (extra: Record<string, string> = {}) =>
  backupsQuerySchema.parse({ start: '2026-11-01T00:00Z', end: '2026-11-09T00:00Z', ...extra });

describe('buildView', () => {
  it('counts facets and totals over the whole range, whatever the filters', () => {
    const view = buildView(all, query({ status: 'Failed' }));
    expect(view.facets.status).toEqual({ Failed: 2, Success: 3 });
    expect(view.facets.node).toEqual({ 'r-bp1abc': 4, 'r-bp1abc-db-1': 1 });
    expect(view.totals).toEqual({ count: 5, bytes: 0 + 200 + 300 + 400 + 500 });
    expect(view.total).toBe(2);
    expect(view.rows.map((b) => b.backupId)).toEqual(['4', '1']);
    expect(view.latestSuccessAt).toBe('2026-11-05T01:00:00Z');
  });

  it('combines filters with AND and values within one filter with OR', () => {
    expect(
      buildView(all, query({ status: 'Failed,Success', type: 'IncrementalBackup' })).rows.map(
        (b) => b.backupId,
      ),
    ).toEqual(['4']);
    expect(buildView(all, query({ mode: 'Manual' })).total).toBe(1);
    expect(buildView(all, query({ node: 'r-bp1abc-db-1' })).rows[0]?.backupId).toBe('2');
  });

  it('searches backup ids and job ids', () => {
    expect(buildView(all, query({ q: '93' })).rows.map((b) => b.backupId)).toEqual(['3']);
    expect(buildView(all, query({ q: '5' })).rows.map((b) => b.backupId)).toEqual(['5']);
  });

  it('pages after filtering and sorting', () => {
    const many = Array.from({ length: 75 }, (_, i) =>
      backup('1', {
        backupId: String(1000 + i),
        startTime: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      }),
    );
    const view = buildView(many, query({ page: '3', pageSize: '30' }));
    expect(view.total).toBe(75);
    expect(view.rows.map((b) => b.backupId)).toEqual(Array.from({ length: 15 }, (_, i) => String(1014 - i)));
    expect(buildView(many, query({ page: '4' })).rows).toEqual([]);
  });
});

describe('sortBackups', () => {
  it('sorts both ways with missing values last and a stable tie-break', () => {
    const q = query({ sort: 'duration.asc' }).sort;
    expect(sortBackups(all, q).map((b) => b.backupId)).toEqual(['5', '4', '2', '1', '3']);
    expect(sortBackups(all, { field: 'duration', dir: 'desc' }).map((b) => b.backupId)).toEqual([
      '5',
      '4',
      '2',
      '1',
      '3',
    ]);
    expect(sortBackups(all, { field: 'size', dir: 'desc' }).map((b) => b.backupId)).toEqual([
      '5',
      '4',
      '3',
      '2',
      '1',
    ]);
  });

  it('compares int64 ids numerically without losing precision', () => {
    const ids = ['9007199254740993', '10', '9', '9007199254740992'];
    const sorted = sortBackups(
      ids.map((id) => backup('1', { backupId: id })),
      { field: 'backupId', dir: 'asc' },
    );
    expect(sorted.map((b) => b.backupId)).toEqual(['9', '10', '9007199254740992', '9007199254740993']);
  });
});
