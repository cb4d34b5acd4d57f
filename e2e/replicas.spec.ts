import { request, type APIRequestContext } from '@playwright/test';
import pg from 'pg';
import { startEmulatorProcess, type EmulatorProcess } from '../lib/testing/emulator-process';
import {
  POSTGRES_MISSING,
  postgresBinDir,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../lib/testing/throwaway-postgres';
import { expect, test } from './fixtures';
import { demoEnv, startConsole, waitForHealth, type ConsoleProcess } from './server-process';
import { apiAs, DEMO_USERS, INSTANCES, lastDays, signInRequest } from './session';

// Two console replicas on one PostgreSQL and one emulator of their own, as behind a load balancer: the
// throttle, the audit log, revocations, syncs and the upstream budget are the deployment's, not a process's.

const PORTS = [0, 1].map((i) => Number(process.env.E2E_PORT ?? 3100) + 70 + i);
const base = (i: number) => `http://127.0.0.1:${PORTS[i]}`;
const MAX_QPS = 5;

interface EmulatorStats {
  total: number;
  actions: Record<string, number>;
  maxPerSecond: number;
}

test.describe.serial('two replicas on one PostgreSQL', () => {
  // CI installs PostgreSQL (.ci/run), so there a missing one fails instead.
  test.skip(!postgresBinDir() && !process.env.CI, `SKIPPED: ${POSTGRES_MISSING}`);

  let postgres: ThrowawayPostgres;
  let databaseUrl: string;
  let emulator: EmulatorProcess;
  const replicas: (ConsoleProcess | null)[] = [null, null];

  async function startReplica(i: number): Promise<void> {
    replicas[i] = startConsole(PORTS[i]!, {
      ...demoEnv(),
      ...emulator.env,
      DATABASE_URL: databaseUrl,
      KVSTORE_MAX_QPS: String(MAX_QPS),
      INDEX_WARM: '0',
      NEXTAUTH_URL: base(i),
    });
    await waitForHealth(PORTS[i]!, 60_000);
  }

  async function killReplica(i: number): Promise<void> {
    const replica = replicas[i];
    replicas[i] = null;
    if (!replica || replica.child.exitCode !== null) return;
    replica.child.kill('SIGKILL');
    await replica.exited;
  }

  const stats = async (): Promise<EmulatorStats> => (await fetch(`${emulator.url}/__admin/stats`)).json();
  const resetStats = () => fetch(`${emulator.url}/__admin/stats/reset`, { method: 'POST' });

  async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    postgres = await startThrowawayPostgres();
    databaseUrl = await postgres.createDatabase('replicas');
    emulator = await startEmulatorProcess();
    // Both at once: each migrates the empty database at start-up.
    await Promise.all([startReplica(0), startReplica(1)]);
  });

  test.afterEach(async ({}, testInfo) => {
    // What the replicas said, when a test failed: the server log is where a 500 explains itself.
    if (testInfo.status !== testInfo.expectedStatus)
      for (const [i, r] of replicas.entries())
        if (r) await testInfo.attach(`replica-${i}.log`, { body: r.output(), contentType: 'text/plain' });
  });

  test.afterAll(async () => {
    for (const replica of replicas) replica?.child.kill('SIGTERM');
    await Promise.all(replicas.map((r) => r?.exited));
    emulator?.child.kill('SIGTERM');
    await postgres?.stop();
  });

  test('two replicas asked for the same cold range at once make one upstream fetch', async () => {
    const [a, b] = await Promise.all([apiAs(DEMO_USERS.admin, base(0)), apiAs(DEMO_USERS.admin, base(1))]);
    await resetStats();
    const url = `/api/instances/${INSTANCES.standard}/backups`;
    const params = lastDays(60);
    const answers = await Promise.all([a.get(url, { params }), b.get(url, { params })]);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(answers.map((r) => r.status())).toEqual([200, 200]);
    expect(bodies[0].total).toBeGreaterThan(0);
    expect(bodies[1].total).toBe(bodies[0].total);
    expect(bodies.map((body) => body.syncing)).toEqual([null, null]);
    // Sixty daily backups are one page: one DescribeBackups between the two replicas.
    expect((await stats()).actions.DescribeBackups).toBe(1);
  });

  test('ten failed sign-ins split across the two replicas trip the throttle', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const ctx = await request.newContext({ baseURL: base(i % 2) });
      statuses.push((await signInRequest(ctx, 'mallory', 'not-the-password')).status());
      await ctx.dispose();
    }
    // One username from one address: 5 failures, then it waits, whichever replica it asks.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  });

  test('downloads through both replicas appear in one audit log, in order', async () => {
    const since = new Date().toISOString();
    const clients = await Promise.all([0, 1].map((i) => apiAs(DEMO_USERS.downloader, base(i))));
    const { rows } = await (
      await clients[0]!.get(`/api/instances/${INSTANCES.standard}/backups`, {
        params: { ...lastDays(60), status: 'Success' },
      })
    ).json();
    const ids = (rows as { backupId: string }[]).slice(0, 8).map((r) => r.backupId);
    expect(ids).toHaveLength(8);
    for (const [n, id] of ids.entries()) {
      const res = await clients[n % 2]!.get(`/api/instances/${INSTANCES.standard}/backups/${id}/download`, {
        maxRedirects: 0,
      });
      expect(res.status()).toBe(302);
    }
    for (const i of [0, 1]) {
      const admin = await apiAs(DEMO_USERS.admin, base(i));
      const audit = await (
        await admin.get('/api/audit', { params: { action: 'download', user: 'downloader', from: since } })
      ).json();
      // Newest first: the downloads in the order they were answered, whichever replica answered.
      expect((audit.rows as { backupId: string }[]).map((r) => r.backupId).reverse()).toEqual(ids);
    }
  });

  test('a session revoked through one replica is refused by the other', async () => {
    // One cookie jar for both: a browser sends a 127.0.0.1 cookie to either port, as to either replica
    // behind one load balancer.
    const viewer = await request.newContext({ baseURL: base(0) });
    expect((await signInRequest(viewer, DEMO_USERS.viewer)).status()).toBe(200);
    expect((await viewer.get(`${base(1)}/api/instances`)).status()).toBe(200);
    const admin = await apiAs(DEMO_USERS.admin, base(0));
    expect((await admin.post(`/api/admin/users/${DEMO_USERS.viewer}/sign-out`)).status()).toBe(200);
    await expect
      .poll(async () => (await viewer.get(`${base(1)}/api/instances`)).status(), { timeout: 5_000 })
      .toBe(401);
    expect((await viewer.get(`${base(0)}/api/instances`)).status()).toBe(401);
  });

  test('kill -9 of the replica holding a sync: the other takes it over and completes it within 30 s', async () => {
    test.setTimeout(120_000);
    const clients = await Promise.all([0, 1].map((i) => apiAs(DEMO_USERS.admin, base(i))));
    const url = `/api/instances/${INSTANCES.scale}/backups`;
    const params = lastDays(30);
    // 5,400 backups: 18 pages, a few seconds at 5 calls a second. Both are asked; one holds the lease.
    const asked = clients.map((c) => c.get(url, { params }).catch(() => null));
    let holder = -1;
    await expect
      .poll(
        async () => {
          const leases = await query<{ holder: string }>(
            'SELECT holder FROM sync_leases WHERE instance_id = $1 AND expires_ms > $2',
            [INSTANCES.scale, Date.now()],
          );
          holder = replicas.findIndex((r) =>
            leases.some((l) => l.holder.split(':')[1] === String(r?.child.pid)),
          );
          return holder;
        },
        { timeout: 10_000, intervals: [50] },
      )
      .toBeGreaterThanOrEqual(0);
    const survivor = 1 - holder;
    await killReplica(holder);
    const killedAt = Date.now();

    let body: { total: number; syncing: unknown; lastError: unknown } | null = null;
    await expect
      .poll(
        async () => {
          body = await (await clients[survivor]!.get(url, { params })).json();
          return body!.syncing === null ? body!.total : -1;
        },
        { timeout: 40_000, intervals: [500] },
      )
      .toBeGreaterThan(5_000);
    expect(body!.lastError).toBeNull();
    const tookOverMs = Date.now() - killedAt;
    console.log(`[replicas] the survivor completed the dead holder's sync ${tookOverMs} ms after the kill`);
    expect(tookOverMs).toBeLessThan(30_000);
    const leases = await query('SELECT * FROM sync_leases WHERE instance_id = $1', [INSTANCES.scale]);
    expect(leases).toEqual([]);
    await Promise.all(asked);
    await startReplica(holder);
  });

  test('20 downloads, then kill -9 of both replicas: all 20 are in the audit log', async () => {
    test.setTimeout(120_000);
    const since = new Date().toISOString();
    const clients = await Promise.all([0, 1].map((i) => apiAs(DEMO_USERS.downloader, base(i))));
    const { rows } = await (
      await clients[1]!.get(`/api/instances/${INSTANCES.standard}/backups`, {
        params: { ...lastDays(60), status: 'Success', pageSize: '50' },
      })
    ).json();
    const ids = (rows as { backupId: string }[]).slice(0, 20).map((r) => r.backupId);
    expect(ids).toHaveLength(20);
    const answered = await Promise.all(
      ids.map(async (id, n) => {
        const res = await clients[n % 2]!.get(`/api/instances/${INSTANCES.standard}/backups/${id}/download`, {
          maxRedirects: 0,
        });
        return res.status();
      }),
    );
    expect(answered).toEqual(ids.map(() => 302));
    await Promise.all([killReplica(0), killReplica(1)]);

    await startReplica(0);
    const admin = await apiAs(DEMO_USERS.admin, base(0));
    const audit = await (
      await admin.get('/api/audit', {
        params: { action: 'download', user: 'downloader', from: since, pageSize: '500' },
      })
    ).json();
    const logged = new Set((audit.rows as { backupId: string }[]).map((r) => r.backupId));
    expect(ids.filter((id) => !logged.has(id))).toEqual([]);
    await startReplica(1);
  });

  test(`with KVSTORE_MAX_QPS=${MAX_QPS} and both replicas under load, the emulator never sees more than ${MAX_QPS} calls in any second`, async () => {
    test.setTimeout(120_000);
    const users = [DEMO_USERS.admin, DEMO_USERS.downloader, DEMO_USERS.viewer];
    const clients: APIRequestContext[][] = await Promise.all(
      [0, 1].map((i) => Promise.all(users.map((u) => apiAs(u, base(i))))),
    );
    await resetStats();
    const day = 86_400_000;
    const now = Math.ceil(Date.now() / 60_000) * 60_000;
    const range = (from: number, to: number) => ({
      start: new Date(now - from * day).toISOString(),
      end: new Date(now - to * day).toISOString(),
    });
    // Re-reads of distinct ranges, spread over both replicas and three users: dozens of calls at once.
    // [replica, user (admin, downloader: r-bp1* only, viewer), instance, range]
    const work = [
      [0, 0, INSTANCES.scale, range(30, 20)],
      [1, 2, INSTANCES.scale, range(20, 10)],
      [0, 2, INSTANCES.scale, range(10, 0)],
      [1, 0, INSTANCES.cluster, range(30, 0)],
      [0, 1, INSTANCES.standard, range(90, 0)],
      [1, 1, INSTANCES.docExample, range(3000, 0)],
    ] as const;
    const answers = await Promise.all(
      work.map(([replica, user, instance, params]) =>
        clients[replica]![user]!.post(`/api/instances/${instance}/backups/refresh`, { params }),
      ),
    );
    expect(answers.map((a) => a.status())).toEqual(work.map(() => 200));
    const seen = await stats();
    console.log(
      `[replicas] under load: ${seen.total} upstream calls, at most ${seen.maxPerSecond} in any second`,
    );
    // About 1,800 backups in each scale range (6 pages each), and a page or more for each other instance.
    expect(seen.total).toBeGreaterThanOrEqual(15);
    expect(seen.maxPerSecond).toBeLessThanOrEqual(MAX_QPS);
  });
});
