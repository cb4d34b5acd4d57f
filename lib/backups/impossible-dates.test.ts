import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getBackups } from '@/app/api/instances/[instanceId]/backups/route';
import { GET as getExport } from '@/app/api/instances/[instanceId]/backups/export/route';
import { POST as postRefresh } from '@/app/api/instances/[instanceId]/backups/refresh/route';
import { SEED_INSTANCE_IDS } from '@/emulator/seed';
import type { RunningEmulator } from '@/emulator/server';
import { callRoute } from '@/lib/testing/call-route';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';

// Dates a person could type but no backup can have: year 0 and the last minute of year 9999 at -14:00
// once parsed as real instants. Each is refused naming its field, before anything is sent to Alibaba Cloud.

vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => ({ name: 'tester', role: 'admin', scope: null }),
}));

const instanceId = SEED_INSTANCE_IDS.standard;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulatorForTests();
});

afterAll(() => stopEmulatorForTests(emulator));

const ROUTES = [
  ['GET …/backups', getBackups, '', 'GET'],
  ['GET …/backups/export', getExport, '/export', 'GET'],
  ['POST …/backups/refresh', postRefresh, '/refresh', 'POST'],
] as const;

const CASES = [
  { field: 'start', start: '0000-01-01T00:00Z', end: '2026-11-02T00:00Z' },
  { field: 'end', start: '2026-11-01T00:00Z', end: '9999-12-31T23:59-14:00' },
] as const;

describe.each(ROUTES)('%s', (_name, route, suffix, method) => {
  it.each(CASES)('refuses $field=$start…$end with a 400 naming $field and no upstream call', async (c) => {
    const before = emulator.stats.snapshot().total;
    const qs = new URLSearchParams({ start: c.start, end: c.end });
    const res = await callRoute(
      route,
      `/api/instances/${instanceId}/backups${suffix}?${qs}`,
      { instanceId },
      { method },
    );
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe(c.field);
    expect(error.message).toContain('between 2010 and 2100');
    expect(emulator.stats.snapshot().total).toBe(before);
  });
});
