import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import type { AlertsOverview } from '../lib/alerts/admin';
import type { AlertMessage } from '../lib/alerts/message';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { demoEnv, startConsole, waitForHealth, type ConsoleProcess } from './server-process';
import { apiAs, DEMO_USERS } from './session';

// Alerts end to end: a console of its own against an emulator of its own, a webhook receiver on 127.0.0.1.
// An instance's backups stop (the emulator's admin route): exactly one signed "late" arrives, although the
// receiver refused the first tries and the console was killed while the message waited; a new backup brings
// exactly one "recovered"; nothing is sent twice.

const PORT = Number(process.env.E2E_PORT ?? 3100) + 70;
const BASE = `http://127.0.0.1:${PORT}`;
const SECRET = 'e2e-alert-secret';
const HEALTHY = 'r-bp1healthy000001';
const DAY = 86_400_000;

interface Delivery {
  message: AlertMessage;
  signature: string | undefined;
  body: string;
  accepted: boolean;
}

let emulator: RunningEmulator;
let receiver: Server;
let refusing = false;
const deliveries: Delivery[] = [];
let consoleProcess: ConsoleProcess | null = null;

const accepted = (kind: string) =>
  deliveries.filter((d) => d.accepted && d.message.instanceId === HEALTHY && d.message.kind === kind);

async function overview(admin: APIRequestContext): Promise<AlertsOverview> {
  const res = await admin.get('/api/admin/alerts');
  expect(res.status()).toBe(200);
  return (await res.json()) as AlertsOverview;
}

function start(env: Record<string, string>): ConsoleProcess {
  consoleProcess = startConsole(PORT, env);
  return consoleProcess;
}

async function stop(p: ConsoleProcess, signal: NodeJS.Signals): Promise<void> {
  p.child.kill(signal);
  await p.exited;
  consoleProcess = null;
}

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      deliveries.push({
        message: JSON.parse(body) as AlertMessage,
        signature: req.headers['x-kvstore-signature'] as string | undefined,
        body,
        accepted: !refusing,
      });
      res.writeHead(refusing ? 503 : 200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  emulator = await startEmulator({ port: 0, accessKeySecret: process.env.E2E_EMULATOR_SECRET });
});

test.afterAll(async () => {
  if (consoleProcess) await stop(consoleProcess, 'SIGTERM');
  await emulator?.close();
  await new Promise((r) => receiver?.close(r));
});

test('late once, recovered once, across a killed console, with valid signatures', async ({ page }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kvb-alerts-'));
  const env = {
    ...demoEnv(),
    KVSTORE_ENDPOINT: emulator.url,
    DATA_DIR: dataDir,
    AUDIT_DB_PATH: path.join(dataDir, 'audit.db'),
    NEXTAUTH_URL: BASE,
    INDEX_WARM: '1',
    INDEX_FRESH_SECONDS: '2',
    ALERT_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
    ALERT_WEBHOOK_FORMAT: 'json',
    ALERT_WEBHOOK_SECRET: SECRET,
  };

  let first = start(env);
  await waitForHealth(PORT, 60_000);
  let admin = await apiAs(DEMO_USERS.admin, BASE);
  // The seeded late instance is announced once its backups and policy are indexed: the monitor is running.
  await expect
    .poll(() => deliveries.filter((d) => d.message.instanceId === 'r-uf6late000000001').length, {
      timeout: 120_000,
    })
    .toBe(1);
  expect(accepted('late')).toHaveLength(0);

  // The receiver goes down; the healthy instance's backups stopped three days ago.
  refusing = true;
  const stopped = await fetch(`${emulator.url}/__admin/instances/${HEALTHY}/stop-backups`, {
    method: 'POST',
    body: JSON.stringify({ since: new Date(Date.now() - 3 * DAY).toISOString() }),
  });
  expect(stopped.status).toBe(200);
  // Older days are read again only by Refresh: an admin refreshes the instance's month.
  const range = { start: new Date(Date.now() - 31 * DAY).toISOString(), end: new Date().toISOString() };
  expect((await admin.post(`/api/instances/${HEALTHY}/backups/refresh`, { params: range })).status()).toBe(
    200,
  );
  await expect
    .poll(
      async () => (await overview(admin)).alerts.find((a) => a.instanceId === HEALTHY && a.kind === 'late'),
      {
        timeout: 60_000,
      },
    )
    .toMatchObject({ status: 'pending', attempts: expect.any(Number) });
  await expect
    .poll(async () => (await overview(admin)).alerts.find((a) => a.instanceId === HEALTHY)?.attempts ?? 0, {
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(1);

  // Killed while the message waits; the receiver is back; a new console sends it, once.
  await stop(first, 'SIGKILL');
  refusing = false;
  first = start(env);
  const restartedAt = Date.now();
  await waitForHealth(PORT, 60_000);
  admin = await apiAs(DEMO_USERS.admin, BASE);
  await expect.poll(() => accepted('late').length, { timeout: 60_000 }).toBe(1);
  const late = accepted('late')[0]!;
  expect(late.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(late.body).digest('hex')}`);
  expect(late.message.summary).toMatch(/^Late: r-bp1healthy000001 \(payments-cache-prod, cn-hangzhou\)/);
  expect(late.message.url).toBe(`${BASE}/instances/${HEALTHY}/backups`);
  // Every try carried the same message: one transition, retried, not several.
  expect(
    new Set(deliveries.filter((d) => d.message.instanceId === HEALTHY).map((d) => d.message.id)).size,
  ).toBe(1);
  // An evaluation after the restart sends nothing new.
  await expect
    .poll(async () => Date.parse((await overview(admin)).lastEvaluatedAt ?? '0'), { timeout: 60_000 })
    .toBeGreaterThan(restartedAt + 3_000);
  expect(accepted('late')).toHaveLength(1);

  // A new backup: recovered, once.
  const added = await fetch(`${emulator.url}/__admin/instances/${HEALTHY}/backups`, {
    method: 'POST',
    body: JSON.stringify({ size: 400_000_000 }),
  });
  expect(added.status).toBe(201);
  await expect.poll(() => accepted('recovered').length, { timeout: 60_000 }).toBe(1);
  const recovered = accepted('recovered')[0]!;
  expect(recovered.signature).toBe(
    `sha256=${createHmac('sha256', SECRET).update(recovered.body).digest('hex')}`,
  );
  const after = Date.now();
  await expect
    .poll(async () => Date.parse((await overview(admin)).lastEvaluatedAt ?? '0'), { timeout: 60_000 })
    .toBeGreaterThan(after + 3_000);
  expect(accepted('late')).toHaveLength(1);
  expect(accepted('recovered')).toHaveLength(1);
  expect(deliveries.filter((d) => d.message.instanceId === 'r-uf6late000000001')).toHaveLength(1);
  const rows = (await overview(admin)).alerts.filter((a) => a.instanceId === HEALTHY);
  expect(rows.map((r) => [r.kind, r.status])).toEqual([
    ['recovered', 'sent'],
    ['late', 'sent'],
  ]);

  // The admin page lists them, and its button sends a test alert through the same webhook.
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel('Username').fill(DEMO_USERS.admin);
  await page.getByLabel('Password').fill(DEMO_USERS.admin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.goto(`${BASE}/admin/alerts`);
  await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
  await expect(page.getByText(/^json to http:\/\/127\.0\.0\.1:\d+ · signed$/)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: HEALTHY })).toHaveCount(2);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Send test alert' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Test alert sent: the webhook took it.' }),
  ).toBeVisible();
  await expect.poll(() => deliveries.filter((d) => d.accepted && d.message.kind === 'test').length).toBe(1);
  expect(deliveries.find((d) => d.message.kind === 'test')!.message.summary).toContain('sent by demo');
  await expect(page.getByRole('row').filter({ hasText: 'Test alert from kvstore-backups' })).toContainText(
    'Sent',
  );
  await stop(first, 'SIGTERM');
});
