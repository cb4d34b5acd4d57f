import { describe, expect, it } from 'vitest';
import { backupParamsSchema, backupsApiPath, backupsQuerySchema, instanceParamsSchema } from './query';

const base = { start: '2026-11-01T00:00:00Z', end: '2026-11-08T00:00:00Z' };

function fieldOf(input: Record<string, string>) {
  const r = backupsQuerySchema.safeParse(input);
  return r.success ? null : r.error.issues.map((i) => String(i.path[0]));
}

describe('backupsQuerySchema', () => {
  it('applies defaults', () => {
    const q = backupsQuerySchema.parse(base);
    expect(q).toMatchObject({
      status: [],
      type: [],
      node: [],
      page: 1,
      pageSize: 30,
      sort: { field: 'startTime', dir: 'desc' },
    });
    expect(q.start.toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it('accepts any offset and converts to UTC', () => {
    const q = backupsQuerySchema.parse({
      start: '2026-11-01T08:00+08:00',
      end: '2026-11-01T12:30:15.5-0130',
    });
    expect(q.start.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(q.end.toISOString()).toBe('2026-11-01T14:00:15.500Z');
  });

  it('parses lists, sort and paging', () => {
    const q = backupsQuerySchema.parse({
      ...base,
      status: 'Failed,Success',
      node: 'r-bp1abc-db-0',
      sort: 'size.asc',
      page: '3',
      pageSize: '100',
      q: ' 1234 ',
    });
    expect(q).toMatchObject({
      status: ['Failed', 'Success'],
      node: ['r-bp1abc-db-0'],
      sort: { field: 'size', dir: 'asc' },
      page: 3,
      pageSize: 100,
      q: '1234',
    });
  });

  it.each([
    [{ end: base.end }, 'start'],
    [{ start: base.start }, 'end'],
    [{ ...base, start: '2026-11-01' }, 'start'],
    [{ ...base, start: '2026-13-01T00:00Z' }, 'start'],
    [{ ...base, start: '2026-02-30T00:00Z' }, 'start'],
    [{ ...base, end: 'yesterday' }, 'end'],
    [{ ...base, end: '2026-10-01T00:00:00Z' }, 'end'],
    [{ ...base, end: base.start }, 'end'],
    [{ ...base, status: 'Done' }, 'status'],
    [{ ...base, type: 'Full' }, 'type'],
    [{ ...base, mode: 'auto' }, 'mode'],
    [{ ...base, method: 'Snapshot' }, 'method'],
    [{ ...base, node: 'r-a&Action=x' }, 'node'],
    [{ ...base, sort: 'size' }, 'sort'],
    [{ ...base, sort: 'password.asc' }, 'sort'],
    [{ ...base, page: '0' }, 'page'],
    [{ ...base, page: '1.5' }, 'page'],
    [{ ...base, pageSize: '25' }, 'pageSize'],
    [{ ...base, pageSize: '300' }, 'pageSize'],
    [{ ...base, q: 'x'.repeat(65) }, 'q'],
  ])('rejects %j naming %s', (input, field) => {
    expect(fieldOf(input as Record<string, string>)).toContain(field);
  });

  it('keeps each filter value once, however often it is repeated', () => {
    const q = backupsQuerySchema.parse({
      ...base,
      status: 'Success,'.repeat(40_000),
      node: 'r-uf6a-db-0,'.repeat(40_000),
    });
    expect(q.status).toEqual(['Success']);
    expect(q.node).toEqual(['r-uf6a-db-0']);
  });

  it('refuses more distinct node ids than a cluster has shards', () => {
    const nodes = (n: number) => Array.from({ length: n }, (_, i) => `r-uf6a-db-${i}`).join(',');
    expect(fieldOf({ ...base, node: nodes(1024) })).toBeNull();
    expect(fieldOf({ ...base, node: nodes(1025) })).toEqual(['node']);
  });

  it('explains what was expected', () => {
    const r = backupsQuerySchema.safeParse({ ...base, pageSize: '25' });
    expect(r.success || r.error.issues[0]?.message).toBe('expected one of 30, 50, 100');
  });
});

describe('path parameters', () => {
  it.each([
    'r-abc&Action=DeleteInstance',
    'r-abc/def',
    'r-abc%2Fdef',
    'r-abc def',
    'R-ABC',
    '',
    'r-',
    'r-bp1*',
  ])('rejects instance id %j', (instanceId) => {
    expect(instanceParamsSchema.safeParse({ instanceId }).success).toBe(false);
  });

  it('accepts real instance ids', () => {
    for (const instanceId of ['r-bp1xxxxxxxxxxxxx', 'r-bp1zxszhcgatnx1234', 'r-uf6abc-db-0']) {
      expect(instanceParamsSchema.parse({ instanceId }).instanceId).toBe(instanceId);
    }
  });

  it('accepts numeric backup ids only', () => {
    expect(backupParamsSchema.safeParse({ instanceId: 'r-bp1abc', backupId: '336077354' }).success).toBe(
      true,
    );
    expect(backupParamsSchema.safeParse({ instanceId: 'r-bp1abc', backupId: '1&x=1' }).success).toBe(false);
  });
});

describe('backupsApiPath', () => {
  it('encodes values and drops empty ones', () => {
    expect(backupsApiPath('r-bp1abc', { start: '2026-11-01T00:00+08:00', status: '', page: '2' })).toBe(
      '/api/instances/r-bp1abc/backups?start=2026-11-01T00%3A00%2B08%3A00&page=2',
    );
  });
});
