import { request } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiAs, INSTANCES, lastDays } from './session';

// The backups API through the built app and the emulator: answers, validation before any upstream
// call, and fresh presigned download URLs.

const emulator = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;

async function upstreamCalls(): Promise<number> {
  const ctx = await request.newContext();
  const stats = (await (await ctx.get(`${emulator}/__admin/stats`)).json()) as { total: number };
  await ctx.dispose();
  return stats.total;
}

test('instances span every emulator region', async () => {
  const api = await apiAs('demo');
  const { instances } = (await (await api.get('/api/instances')).json()) as {
    instances: { instanceId: string; regionId: string; architecture: string }[];
  };
  expect(new Set(instances.map((i) => i.regionId)).size).toBeGreaterThanOrEqual(2);
  expect(instances.map((i) => i.architecture)).toEqual(
    expect.arrayContaining(['standard', 'cluster', 'rwsplit']),
  );
  expect(instances.map((i) => i.instanceId)).toContain(INSTANCES.docExample);
});

test('backups answer carries rows, facets and totals but never a URL', async () => {
  const api = await apiAs('demo');
  const res = await api.get(`/api/instances/${INSTANCES.cluster}/backups`, {
    params: { ...lastDays(30), sort: 'size.desc' },
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.rows).toHaveLength(30);
  expect(Object.keys(body.facets.node).length).toBeGreaterThanOrEqual(8);
  expect(body.totals.count).toBe(body.total);
  const sizes = body.rows.map((r: { size: number }) => r.size);
  expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  expect(JSON.stringify(body)).not.toMatch(/https?:\/\//);
});

test('bad input is refused naming the field, with no upstream call', async () => {
  const api = await apiAs('demo');
  const range = lastDays(7);
  await api.get(`/api/instances/${INSTANCES.standard}/backups`, { params: range }); // warm the instance list
  const cases: [string, Record<string, string>, string][] = [
    [INSTANCES.standard, { end: range.end }, 'start'],
    [INSTANCES.standard, { ...range, start: '2026-13-01T00:00Z' }, 'start'],
    [INSTANCES.standard, { start: range.end, end: range.start }, 'end'],
    [INSTANCES.standard, { ...range, status: 'Done' }, 'status'],
    [INSTANCES.standard, { ...range, pageSize: '25' }, 'pageSize'],
    [INSTANCES.standard, { ...range, sort: 'size.sideways' }, 'sort'],
    ['r-abc&Action=DeleteInstance', range, 'instanceId'],
    ['r-abc/def', range, 'instanceId'],
    ['r-abc%def', range, 'instanceId'],
    ['r-abc def', range, 'instanceId'],
  ];
  // The index's background warmer calls upstream whenever it likes: one pass with no call in between
  // shows the refusals made none.
  await expect(async () => {
    const before = await upstreamCalls();
    for (const [id, params, field] of cases) {
      const res = await api.get(`/api/instances/${encodeURIComponent(id)}/backups`, { params });
      expect(res.status(), `${id} ${JSON.stringify(params)}`).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe('invalid_input');
      expect(error.field).toBe(field);
      expect(error.message).toContain(`${field}:`);
    }
    expect(await upstreamCalls()).toBe(before);
  }).toPass({ timeout: 30_000 });
});

test('an unknown instance is not found', async () => {
  const api = await apiAs('demo');
  const res = await api.get('/api/instances/r-bp1doesnotexist00/backups', { params: lastDays(7) });
  expect(res.status()).toBe(404);
  expect((await res.json()).error.code).toBe('not_found');
});

test('download answers a fresh presigned URL on the emulator, and the file has BackupSize bytes', async () => {
  const api = await apiAs('demo');
  const { rows } = await (
    await api.get(`/api/instances/${INSTANCES.standard}/backups`, {
      params: { ...lastDays(7), status: 'Success', sort: 'size.asc' },
    })
  ).json();
  const backup = rows[0] as { backupId: string; size: number };
  const path = `/api/instances/${INSTANCES.standard}/backups/${backup.backupId}/download`;

  const link = await (await api.get(path, { params: { format: 'json' } })).json();
  expect(new URL(link.url).origin).toBe(emulator);
  expect(link.url).not.toContain('demo-access-key-id');
  expect(link.fileName).toMatch(/\.(rdb|tar\.gz)$/);
  expect(Date.parse(link.expiresAt)).toBeGreaterThan(Date.now());
  const intranet = await (await api.get(path, { params: { format: 'json', variant: 'intranet' } })).json();
  expect(intranet.url).not.toBe(link.url);

  const redirect = await api.get(path, { maxRedirects: 0 });
  expect(redirect.status()).toBe(302);
  const file = await request.newContext().then((c) => c.get(redirect.headers().location!));
  expect(file.status()).toBe(200);
  expect(Number(file.headers()['content-length'])).toBe(backup.size);
  expect((await file.body()).subarray(0, 5).toString()).toBe('REDIS');
});

test('a failed backup has nothing to download', async () => {
  const api = await apiAs('demo');
  const { rows } = await (
    await api.get(`/api/instances/${INSTANCES.scale}/backups`, {
      params: { ...lastDays(30), status: 'Failed' },
    })
  ).json();
  const res = await api.get(`/api/instances/${INSTANCES.scale}/backups/${rows[0].backupId}/download`, {
    params: { format: 'json' },
  });
  expect(res.status()).toBe(409);
});
