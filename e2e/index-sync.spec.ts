import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { fetchBackups, lastDays, signIn } from './console-helpers';
import { resetFaults, setFaults } from './emulator-faults';
import { demoEnv, startConsole, waitForHealth, type ConsoleProcess } from './server-process';
import { INSTANCES } from './session';

// The index's first sync, a failing Alibaba Cloud and the Refresh limit, seen from the page. These run on
// a console of their own with an empty index (the shared one has long indexed every seeded backup, so no
// range of the 5,400-backup instance is cold there), without the background warmer, with a short deadline
// and a small upstream budget, so a first sync outlasts the first answer, and with a freshness of a second,
// so a failed refresh leaves the rows stale at once.

const PORT = Number(process.env.E2E_PORT ?? 3100) + 70;
const base = `http://127.0.0.1:${PORT}`;
let server: ConsoleProcess;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: base });

test.beforeAll(async () => {
  test.setTimeout(60_000);
  server = startConsole(PORT, {
    ...demoEnv(),
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'kvb-index-')),
    AUDIT_DB_PATH: path.join(mkdtempSync(path.join(os.tmpdir(), 'kvb-audit-')), 'audit.db'),
    NEXTAUTH_URL: base,
    INDEX_WARM: '0',
    INDEX_FRESH_SECONDS: '1',
    KVSTORE_DEADLINE_MS: '5000',
    KVSTORE_MAX_QPS: '4',
  });
  await waitForHealth(PORT);
});

test.afterAll(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach('console output', { body: server.output(), contentType: 'text/plain' });
});

const backupsPage = (instanceId: string, range: Record<string, string>) =>
  `/instances/${instanceId}/backups?${new URLSearchParams(range)}`;

test('a cold range shows how far its first sync has got, fills in its rows, then shows them all', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'demo');
  const range = lastDays(30);
  const progress = page.getByRole('progressbar', { name: /^Indexing [\d,]+ of [\d,]+ backups$/ });
  try {
    // Slow upstream answers: the sync takes over ten seconds, the page answers within five.
    await setFaults({ latencyMs: 2500, actions: ['DescribeBackups'] });
    await page.goto(backupsPage(INSTANCES.scale, range));
    await expect(progress).toBeVisible({ timeout: 30_000 });
    await expect(progress).toHaveAttribute('aria-valuemax', /^\d+$/);
    await expect(progress).toHaveAttribute('aria-valuenow', /^\d+$/);
    await expect(page.getByRole('button', { name: /^Details of backup / }).first()).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 60_000 });
  } finally {
    await resetFaults();
  }
  const all = await fetchBackups(page, INSTANCES.scale, range);
  expect(all.total).toBeGreaterThan(5_000);
  await expect(page.getByText(`1–30 of ${all.total.toLocaleString('en-US')} backups`)).toBeVisible();
});

test('when Alibaba Cloud stops answering, the rows stay, the page says since when, and Retry recovers', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, 'demo');
  await page.goto(backupsPage(INSTANCES.standard, lastDays(7)));
  await expect(page.getByText(/^1–\d+ of \d+ backups$/)).toBeVisible();
  await expect(page.getByText(/^Updated (now|\d+ seconds? ago|\d+ minutes? ago)$/)).toBeVisible();
  const banner = page.getByRole('alert').filter({ hasText: 'Alibaba Cloud is not answering' });
  const refreshed = () => page.waitForResponse((r) => r.url().includes('/backups/refresh'));
  try {
    // Every call fails, slowly: the retries outlast the 5 s deadline, so the refresh answers while it is
    // still going on, and the page follows it until it fails.
    await setFaults({ errorRate: 1, latencyMs: 2_000, actions: ['DescribeBackups'] });
    const first = refreshed();
    await page.getByRole('button', { name: 'Refresh' }).click();
    expect((await first).status()).toBe(200);
    await expect(
      page.getByRole('status').filter({ hasText: 'Alibaba Cloud has not answered yet' }),
    ).toBeVisible();
    await expect(banner).toBeVisible({ timeout: 45_000 });
    await expect(banner).toContainText(
      /showing backups as of .+ \((now|\d+ seconds? ago|\d+ minutes? ago)\)/,
    );
    await expect(banner).toContainText(/Last error: .+ \(request id [\w-]+\)/);
    await expect(page.getByRole('button', { name: /^Details of backup / }).first()).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(page.locator('html')).toHaveClass(new RegExp(colorScheme));
      expect(await seriousViolations(page, '[role="alert"]')).toEqual([]);
    }

    // Still failing, now at once: the refresh's own answer shows the banner.
    await setFaults({ errorRate: 1, latencyMs: 0, actions: ['DescribeBackups'] });
    const again = refreshed();
    await banner.getByRole('button', { name: 'Retry' }).click();
    await again;
    await expect(banner.getByRole('button', { name: 'Retry' })).toBeEnabled({ timeout: 45_000 });
    await expect(banner).toBeVisible();
  } finally {
    await resetFaults();
  }
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(banner).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText(/^Updated (now|\d+ seconds? ago)$/)).toBeVisible();
});

test('a Refresh that outlasts the deadline is followed until its rows are in, without a reload', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, 'demo');
  // A range that ended days ago: once read it is final, so no background update runs beside the refresh.
  const { start } = lastDays(10);
  const range = { start, end: lastDays(3).start };
  await page.goto(backupsPage(INSTANCES.standard, range));
  await expect(page.getByText(/^1–\d+ of \d+ backups$/)).toBeVisible();
  // Its first sync has ended (a Refresh meanwhile would join that sync rather than start its own).
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const updated = page.locator('time[datetime]').filter({ hasText: /^Updated / });
  try {
    // Every DescribeBackups answer takes longer than the 5 s deadline: the refresh answers first.
    await setFaults({ latencyMs: 8_000, actions: ['DescribeBackups'] });
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Alibaba Cloud has not answered yet' }),
    ).toBeVisible({
      timeout: 15_000,
    });
    expect(Date.parse((await updated.getAttribute('datetime'))!)).toBeLessThan(clicked);
    await resetFaults();
    // The refresh ends on the server; the page sees it and says so, on its own.
    await expect
      .poll(async () => Date.parse((await updated.getAttribute('datetime'))!), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(clicked);
  } finally {
    await resetFaults();
  }
  await expect(page.getByRole('button', { name: 'Refresh', exact: true })).toBeEnabled();
  await expect(page.getByText('Could not refresh')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

test.describe('refreshing too often', () => {
  test.use({ expectedConsoleErrors: [/status of 429/] });

  test('is refused with the server’s word on when to try again', async ({ page }) => {
    await signIn(page, 'viewer');
    await page.goto(backupsPage(INSTANCES.standard, lastDays(7)));
    const refresh = page.getByRole('button', { name: 'Refresh' });
    const answered = (timeout?: number) =>
      page.waitForResponse((r) => r.url().includes('/backups/refresh'), { timeout });
    // The server's HTML shows the button before the page is hydrated: press until a refresh is sent (it
    // answers within the 5 s deadline).
    await expect(async () => {
      const first = answered(8_000);
      first.catch(() => undefined); // a press not heard: its wait ends unanswered, and the press is retried
      await refresh.click({ timeout: 2_000 });
      expect((await first).status()).toBe(200);
    }).toPass();
    for (let i = 1; i < 6; i++) {
      const next = answered();
      await refresh.click();
      expect((await next).status()).toBe(200);
    }
    await refresh.click();
    await expect(page.getByRole('status').filter({ hasText: /try again in \d+ seconds/ })).toBeVisible();
  });
});
