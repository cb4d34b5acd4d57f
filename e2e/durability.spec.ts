import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { demoEnv, secrets, startConsole, waitForHealth } from './server-process';
import { apiAs, DEMO_USERS, INSTANCES, lastDays } from './session';

// A download that was answered is in the audit log, even when the server is killed right after.

const PORT = Number(process.env.E2E_PORT ?? 3100) + 60;

test('every answered download survives a kill -9', async () => {
  test.setTimeout(120_000);
  const dbPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'kvb-audit-')), 'audit.db');
  const env = { ...demoEnv(), AUDIT_DB_PATH: dbPath, NEXTAUTH_URL: `http://127.0.0.1:${PORT}` };
  const base = `http://127.0.0.1:${PORT}`;

  const first = startConsole(PORT, env);
  await waitForHealth(PORT);
  const downloader = await apiAs(DEMO_USERS.downloader, base);
  const { rows } = await (
    await downloader.get(`/api/instances/${INSTANCES.standard}/backups`, {
      params: { ...lastDays(60), status: 'Success' },
    })
  ).json();
  const ids = (rows as { backupId: string }[]).slice(0, 20).map((r) => r.backupId);
  expect(ids.length).toBe(20);

  const answered: string[] = [];
  await Promise.all(
    ids.map(async (id, i) => {
      const res = await downloader
        .get(`/api/instances/${INSTANCES.standard}/backups/${id}/download`, {
          params: i % 2 ? { format: 'json' } : {},
          maxRedirects: 0,
        })
        .catch(() => null);
      if (res && [200, 302].includes(res.status())) answered.push(id);
    }),
  );
  first.child.kill('SIGKILL');
  await first.exited;
  expect(answered.length).toBe(ids.length);

  const second = startConsole(PORT, env);
  try {
    await waitForHealth(PORT);
    const admin = await apiAs(DEMO_USERS.admin, base);
    const audit = await (
      await admin.get('/api/audit', { params: { user: 'downloader', pageSize: '500' } })
    ).json();
    const logged = new Set(
      (audit.rows as { backupId: string | null; action: string }[])
        .filter((r) => r.action !== 'sign_in')
        .map((r) => r.backupId),
    );
    expect(answered.filter((id) => !logged.has(id))).toEqual([]);
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
  // Nothing secret in the server's log either.
  const log = first.output() + second.output();
  for (const secret of secrets())
    expect(log.includes(secret), 'a secret leaked into the server log').toBe(false);
});

test('outside demo mode the server refuses demo users and a missing secret, saying why', async () => {
  const env = {
    ...demoEnv(),
    KVSTORE_DEMO: '',
    NEXTAUTH_SECRET: '',
    AUDIT_DB_PATH: path.join(os.tmpdir(), `kvb-refuse-${Date.now()}.db`),
  };
  const server = startConsole(PORT + 1, env);
  const code = await Promise.race([
    server.exited,
    new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000)),
  ]);
  if (code === 'timeout') server.child.kill('SIGKILL');
  expect(code).toBe(1);
  expect(server.output()).toContain('NEXTAUTH_SECRET is not set');
  expect(server.output()).toContain('user "demo" is a demo user');
});
