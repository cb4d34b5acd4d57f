import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { GET as getAudit } from '@/app/api/audit/route';
import { GET as getInstances } from '@/app/api/instances/route';
import { GET as getBackups } from '@/app/api/instances/[instanceId]/backups/route';
import { GET as getDownload } from '@/app/api/instances/[instanceId]/backups/[backupId]/download/route';
import { GET as getExport } from '@/app/api/instances/[instanceId]/backups/export/route';
import { GET as getScript } from '@/app/api/instances/[instanceId]/backups/jobs/[jobId]/script/route';
import { POST as postRefresh } from '@/app/api/instances/[instanceId]/backups/refresh/route';
import { SEED_INSTANCE_IDS } from '@/emulator/seed';
import { createRng } from '@/emulator/seed/prng';
import type { RunningEmulator } from '@/emulator/server';
import { getSyncEngine } from '@/lib/backup-index/sync-engine';
import { callRoute } from '@/lib/testing/call-route';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';
import { describeCase, generateCase, type FuzzCase, type FuzzContext } from '@/lib/testing/fuzz-requests';

// Thousands of generated requests with hostile path and query values, straight into the route handlers as a
// signed-in admin, against the emulator: none may answer 5xx, and none the API refuses as invalid may have
// cost a call to Alibaba Cloud (the emulator counts them). FUZZ_SEED reproduces a run, FUZZ_CASES sizes it.

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_101);
const CASES = Number(process.env.FUZZ_CASES ?? 2_500);

vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => ({ name: 'tester', role: 'admin', scope: null }),
}));

let emulator: RunningEmulator;
let ctx: FuzzContext;

const DAY = 86_400_000;
const INSTANCES = [SEED_INSTANCE_IDS.standard, SEED_INSTANCE_IDS.cluster, SEED_INSTANCE_IDS.incremental];

function encodePath(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return 'x';
  }
}

function call(c: FuzzCase): Promise<Response> {
  const id = encodePath(c.params.instanceId ?? '');
  const base = `/api/instances/${id}/backups`;
  const url = (path: string) => `${path}${c.query ? `?${c.query}` : ''}`;
  switch (c.route) {
    case 'backups':
      return callRoute(getBackups, url(base), c.params);
    case 'export':
      return callRoute(getExport, url(`${base}/export`), c.params);
    case 'refresh':
      return callRoute(postRefresh, url(`${base}/refresh`), c.params, { method: 'POST' });
    case 'download':
      return callRoute(getDownload, url(`${base}/${encodePath(c.params.backupId!)}/download`), c.params);
    case 'audit':
      return callRoute(getAudit, url('/api/audit'));
    case 'script':
      return callRoute(getScript, url(`${base}/jobs/${encodePath(c.params.jobId!)}/script`), c.params);
  }
}

beforeAll(async () => {
  emulator = await startEmulatorForTests();
  // Thousands of requests from one user, and no revalidation of what is indexed: upstream calls come
  // only from what a request asks for.
  vi.stubEnv('API_RATE_LIMIT_PER_MINUTE', '100000');
  vi.stubEnv('INDEX_FRESH_SECONDS', '86400');
  const now = emulator.dataset.now.getTime();
  const ranges = [
    { start: new Date(now - 7 * DAY).toISOString(), end: new Date(now).toISOString() },
    { start: new Date(now - 30 * DAY).toISOString(), end: new Date(now - 20 * DAY).toISOString() },
  ];
  expect((await callRoute(getInstances, '/api/instances')).status).toBe(200);
  for (const instanceId of INSTANCES)
    for (const range of ranges) {
      const res = await callRoute(
        getBackups,
        `/api/instances/${instanceId}/backups?${new URLSearchParams(range)}`,
        { instanceId },
      );
      expect(res.status).toBe(200);
    }
  await getSyncEngine().idle();
  const backupIds = INSTANCES.flatMap((id) =>
    emulator.dataset
      .backupsFor(id)
      .slice(0, 5)
      .map((b) => String(b.BackupId)),
  );
  const jobIds = [
    ...new Set(emulator.dataset.backupsFor(SEED_INSTANCE_IDS.cluster).map((b) => String(b.BackupJobID))),
  ].slice(0, 3);
  ctx = {
    instanceIds: [...INSTANCES, 'r-bp1unknown00000'],
    backupIds: [...backupIds, '1'],
    jobIds: [...jobIds, 'cb-0000000000000000', '1'],
    ranges,
  };
}, 60_000);

afterAll(async () => {
  await getSyncEngine().idle();
  await stopEmulatorForTests(emulator);
});

it(`answers ${CASES} hostile requests below 500, the invalid ones with no upstream call (seed ${SEED})`, async () => {
  const rng = createRng(SEED);
  const failures: string[] = [];
  const statuses: Record<number, number> = {};
  let invalid = 0;
  for (let i = 0; i < CASES; i++) {
    const c = generateCase(ctx, rng);
    const where = `#${i} of seed ${SEED}: ${describeCase(c)}`;
    // Calls from an earlier request's background sync must not count against this one.
    await getSyncEngine().idle();
    const before = emulator.stats.snapshot().total;
    let status: number;
    let body: string;
    try {
      const res = await call(c);
      status = res.status;
      body = await res.text();
    } catch (err) {
      failures.push(`threw ${err instanceof Error ? err.message : String(err)} — ${where}`);
      continue;
    }
    // A sync the request started in the background counts too.
    await getSyncEngine().idle();
    const calls = emulator.stats.snapshot().total - before;
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 500) failures.push(`answered ${status} ${body.slice(0, 200)} — ${where}`);
    if (status >= 400) {
      const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
      if (typeof code !== 'string') failures.push(`answered ${status} without an error code — ${where}`);
    }
    if (status === 400) {
      invalid++;
      if (calls > 0) failures.push(`refused as invalid after ${calls} upstream calls — ${where}`);
    }
  }
  expect(failures).toEqual([]);
  // The run means something only if it exercised both sides.
  expect(invalid, JSON.stringify(statuses)).toBeGreaterThan(CASES / 3);
  expect((statuses[200] ?? 0) + (statuses[302] ?? 0), JSON.stringify(statuses)).toBeGreaterThan(CASES / 10);
}, 300_000);
