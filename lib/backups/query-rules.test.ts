import { describe, expect, it } from 'vitest';
import { HOSTILE_VALUES } from '@/lib/testing/hostile-values';
import { backupsQuerySchema } from './query';
import { refusedValues, type BackupsSearchParams } from './query-rules';

// The browser checks links with the plain rules, the route with the zod schema built on them: they must agree.

const RANGE = { start: '2026-11-01T00:00Z', end: '2026-11-08T00:00Z' };
const FIELDS = ['status', 'type', 'mode', 'method', 'node', 'q', 'sort', 'page', 'pageSize'] as const;
const GOOD: Record<(typeof FIELDS)[number], string[]> = {
  status: ['Success', 'Failed,Success', ' Failed , Failed '],
  type: ['FullBackup', 'IncrementalBackup,FullBackup'],
  mode: ['Automated', 'Manual'],
  method: ['Physical,Logical'],
  node: ['r-bp1abc-db-0,r-bp1abc-db-1'],
  q: ['3414', ''],
  sort: ['size.asc', 'startTime.desc'],
  page: ['1', '2', ' 3 ', '1000000'],
  pageSize: ['30', '50', '100'],
};

function schemaRefuses(params: BackupsSearchParams): string[] {
  const result = backupsQuerySchema.safeParse({ ...RANGE, ...params });
  return result.success ? [] : [...new Set(result.error.issues.map((i) => String(i.path[0])))];
}

describe('the plain query rules', () => {
  it('refuse exactly what the route’s schema refuses, field by field', () => {
    for (const field of FIELDS) {
      for (const value of [...GOOD[field], ...HOSTILE_VALUES, 'Nope', 'bogus.asc', '7', '0', '1000001']) {
        const params = { [field]: value };
        expect(refusedValues(params), `${field}=${JSON.stringify(value.slice(0, 40))}`).toEqual(
          schemaRefuses(params),
        );
      }
    }
  });

  it('let a well-formed view through', () => {
    expect(
      refusedValues({ ...RANGE, status: 'Failed', sort: 'size.desc', page: '2', pageSize: '50' }),
    ).toEqual([]);
  });
});
