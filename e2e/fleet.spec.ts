import type { Page } from '@playwright/test';
import { createDataset } from '@/emulator/seed';
import type { FleetAnswer } from '@/lib/fleet/fetch-fleet';
import { expect, test } from './fixtures';
import { apiGet, signIn } from './console-helpers';

/** Every instance the demo's emulator seeds. */
const SEEDED_COUNT = createDataset(new Date()).instances.length;

// The fleet page at `/` against the shared demo server: the seeded health states, the summary, filters, sort,
// search and their URL, a scoped viewer, and the backups page's health header.

const SEEDED: Record<string, { name: string; state: string }> = {
  'r-bp1healthy000001': { name: 'payments-cache-prod', state: 'OK' },
  'r-uf6late000000001': { name: 'search-cache-weekly', state: 'Late' },
  'r-bp1streak0000001': { name: 'inventory-cache', state: 'Failing' },
  'r-t4nnever00000001': { name: 'analytics-staging', state: 'Failing' },
  'r-uf6shardfail0001': { name: 'events-cluster', state: 'Failing' },
  'r-t4nrestricted001': { name: 'partner-cache-restricted', state: 'Unknown' },
  'r-uf6empty00000001': { name: 'new-empty-instance', state: 'No backups' },
  // One incomplete set, one partial job: neither a streak.
  'r-bp1cnative000001': { name: 'cart-cluster-native', state: 'OK' },
  'r-uf6cluster256sh1': { name: 'events-cluster-256', state: 'OK' },
};
const LABEL: Record<string, string> = {
  ok: 'OK',
  late: 'late',
  failing: 'failing',
  no_backups: 'no backups',
  unknown: 'unknown',
};

/** The fleet once the warmer has indexed every instance and read every policy (on a fresh index, a minute). */
async function indexedFleet(page: Page): Promise<FleetAnswer> {
  let fleet: FleetAnswer | null = null;
  await expect
    .poll(
      async () => {
        fleet = await apiGet<FleetAnswer>(page, '/api/fleet');
        return fleet.instances.filter((i) =>
          ['not_indexed', 'policy_not_read'].includes(i.health.reason.code),
        ).length;
      },
      { timeout: 150_000, intervals: [1_000, 2_000, 5_000] },
    )
    .toBe(0);
  return fleet!;
}

function summaryOf(fleet: FleetAnswer): string {
  const order = ['ok', 'late', 'failing', 'no_backups', 'unknown'];
  const parts = order
    .map((s) => [s, fleet.instances.filter((i) => i.health.state === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${LABEL[s]}`);
  return `${fleet.instances.length} instances: ${parts.join(', ')}`;
}

const rows = (page: Page) => page.locator('tbody tr');

test("the fleet page's counts and states match the emulator's seeded states", async ({ page }) => {
  test.setTimeout(200_000);
  await signIn(page, 'demo');
  await expect(page).toHaveURL(/\/$/);
  const fleet = await indexedFleet(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Backup health' })).toBeVisible();
  expect(fleet.instances).toHaveLength(SEEDED_COUNT);
  await expect(page.getByRole('status').filter({ hasText: 'instances:' })).toHaveText(summaryOf(fleet));
  await expect(rows(page)).toHaveCount(SEEDED_COUNT);
  // Nothing verifies backups here: every instance is flagged as never verified.
  await expect(rows(page).filter({ hasText: 'r-uf6empty00000001' })).toContainText('Never verified');
  for (const [id, { name, state }] of Object.entries(SEEDED)) {
    const row = rows(page).filter({ hasText: id });
    await expect(row.getByRole('link', { name })).toBeVisible();
    await expect(row.locator('td').nth(1)).toContainText(state);
  }
  // Every instance's state on the page is the API's.
  for (const i of fleet.instances) {
    const state = {
      ok: 'OK',
      late: 'Late',
      failing: 'Failing',
      no_backups: 'No backups',
      unknown: 'Unknown',
    }[i.health.state];
    await expect(rows(page).filter({ hasText: i.instanceId }).locator('td').nth(1)).toContainText(state);
  }
  const late = rows(page).filter({ hasText: 'r-uf6late000000001' });
  await expect(late).toContainText('Mon, Wed, Fri, 22:00–23:00 UTC, kept 30 days');
  await expect(late).toContainText('expected windows passed since the last successful backup');
  // The 30-day strip: 30 cells, each with its own label.
  const strip = late.getByRole('list', { name: 'Last 30 days' });
  await expect(strip.getByRole('listitem')).toHaveCount(30);
  const missed = fleet.instances
    .find((i) => i.instanceId === 'r-uf6late000000001')!
    .health.days.filter((d) => d.kind === 'missed').length;
  expect(missed).toBeGreaterThanOrEqual(3);
  await expect(strip.getByRole('listitem').filter({ hasText: 'expected backup missed' })).toHaveCount(missed);
  await expect(
    rows(page)
      .filter({ hasText: 'r-uf6shardfail0001' })
      .getByRole('listitem')
      .filter({ hasText: 'failed backup' }),
  ).not.toHaveCount(0);
  await expect(rows(page).filter({ hasText: 'r-t4nrestricted001' })).toContainText(
    'kvstore:DescribeBackupPolicy',
  );
});

test('filters, sort and search live in the URL; a row opens its backups', async ({ page }) => {
  test.setTimeout(200_000);
  await signIn(page, 'demo');
  const fleet = await indexedFleet(page);
  await page.reload();
  const failing = fleet.instances.filter((i) => i.health.state === 'failing');

  await page.getByRole('button', { name: `Failing (${failing.length})` }).click();
  await expect(page).toHaveURL(/[?&]state=failing/);
  await expect(rows(page)).toHaveCount(failing.length);
  await expect(page.getByRole('status').filter({ hasText: 'instances:' })).toContainText(
    `Showing ${failing.length} of ${SEEDED_COUNT}`,
  );
  await page.getByRole('button', { name: /^cn-shanghai/ }).click();
  await expect(page).toHaveURL(/region=cn-shanghai/);
  const both = failing.filter((i) => i.regionId === 'cn-shanghai');
  await expect(rows(page)).toHaveCount(both.length);

  // Back undoes the region; a reload keeps the rest.
  await page.goBack();
  await expect(page).not.toHaveURL(/region=/);
  await page.reload();
  await expect(rows(page)).toHaveCount(failing.length);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows(page)).toHaveCount(SEEDED_COUNT);

  // Sort by last success, newest first: the one that never succeeded goes last either way.
  await page.getByRole('button', { name: 'Sort by Last success' }).click();
  await expect(page).toHaveURL(/sort=lastSuccess\.asc/);
  await page.getByRole('button', { name: 'Sort by Last success' }).click();
  await expect(page).toHaveURL(/sort=lastSuccess\.desc/);
  const order = await rows(page).locator('td:first-child .font-mono').allTextContents();
  const expected = [...fleet.instances]
    .sort((a, b) => {
      const [x, y] = [a.health.lastSuccessAt, b.health.lastSuccessAt];
      if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
      return y.localeCompare(x) || a.name.localeCompare(b.name);
    })
    .map((i) => i.instanceId);
  expect(order).toEqual(expected);
  await expect(page.locator('th[aria-sort="descending"]')).toHaveText(/Last success/);

  // Search: the URL follows the box.
  await page.getByRole('searchbox', { name: 'Search instances' }).fill('cluster');
  await expect(page).toHaveURL(/q=cluster/);
  await expect(rows(page)).toHaveCount(fleet.instances.filter((i) => i.architecture === 'cluster').length);

  // A row opens that instance's backups, whose header tells its health.
  await rows(page).filter({ hasText: 'r-uf6shardfail0001' }).locator('td').nth(4).click();
  await expect(page).toHaveURL(/\/instances\/r-uf6shardfail0001\/backups/);
  const header = page.getByRole('region', { name: 'Backup health' });
  await expect(header).toContainText('Failing');
  await expect(header).toContainText('1 shard did not finish');
  await expect(header).toContainText('Policy: Daily, 20:00–21:00 UTC, kept 30 days');
  await expect(header).toContainText(/Next backup: in \d+ (hours?|minutes?)/);
  const chart = header.getByRole('img', { name: /^Backups per day from / });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /\d+ successful, [1-9]\d* failed/);
  // Hidden, the chart stays hidden on the next visit.
  await header.getByRole('button', { name: 'Hide chart' }).click();
  await expect(chart).toHaveCount(0);
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Backup health' }).getByRole('button', { name: 'Show chart' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Show chart' }).click();
  await expect(page.getByRole('img', { name: /^Backups per day from / })).toBeVisible();
});

test('a viewer scoped to some instances sees only those', async ({ page }) => {
  test.setTimeout(200_000);
  await signIn(page, 'downloader'); // scope r-bp1*
  const fleet = await indexedFleet(page);
  expect(fleet.instances.length).toBeGreaterThan(0);
  expect(fleet.instances.every((i) => i.instanceId.startsWith('r-bp1'))).toBe(true);
  await page.reload();
  await expect(rows(page)).toHaveCount(fleet.instances.length);
  await expect(page.getByRole('status').filter({ hasText: 'instances:' })).toHaveText(summaryOf(fleet));
  await expect(page.getByText('r-uf6late000000001')).toHaveCount(0);
  const denied = await page.request.get(
    '/api/instances/r-uf6late000000001/health?start=2026-01-01T00:00Z&end=2026-01-02T00:00Z',
  );
  expect(denied.status()).toBe(404);
});

test('a link with tz= shows the policies in that zone, in English and Chinese, and carries it to the backups page', async ({
  page,
  context,
}) => {
  test.setTimeout(200_000);
  await signIn(page, 'demo');
  await indexedFleet(page);
  await page.goto('/?tz=Asia/Shanghai');
  await expect(page.getByRole('button', { name: 'Time zone: Asia/Shanghai (UTC+08:00)' })).toBeVisible();
  // Mon, Wed, Fri 22:00–23:00 UTC are Tuesday, Thursday and Saturday mornings in Beijing.
  const late = () => rows(page).filter({ hasText: 'r-uf6late000000001' });
  await expect(late()).toContainText('Tue, Thu, Sat, 06:00–07:00 UTC+08:00, kept 30 days');
  const link = late().getByRole('link', { name: 'search-cache-weekly' });
  await expect(link).toHaveAttribute('href', /\?tz=Asia%2FShanghai$/);

  // Filters join the zone in the URL rather than replacing it.
  await page.getByRole('button', { name: /^Late \(/ }).click();
  await expect(page).toHaveURL(/state=late/);
  await expect(page).toHaveURL(/tz=Asia(%2F|\/)Shanghai/);
  await link.click();
  await expect(page).toHaveURL(/\/instances\/r-uf6late000000001\/backups\?.*tz=Asia(%2F|\/)Shanghai/);
  await expect(page.getByRole('region', { name: 'Backup health' })).toContainText(
    'Policy: Tue, Thu, Sat, 06:00–07:00 UTC+08:00, kept 30 days',
  );

  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'zh-CN', url: new URL(page.url()).origin }]);
  await page.goto('/?tz=Asia/Shanghai');
  await expect(page.getByRole('heading', { name: '备份健康状况' })).toBeVisible();
  await expect(late()).toContainText('周二、周四、周六 06:00–07:00 UTC+08:00，保留 30 天');
  await expect(page.getByRole('status').filter({ hasText: '个实例' })).toContainText(
    new RegExp(`^共 ${SEEDED_COUNT} 个实例：`),
  );
  // A RAM denial is worded in Chinese too, not in Alibaba Cloud's English.
  const denied = rows(page).filter({ hasText: 'r-t4nrestricted001' });
  await expect(denied).toContainText('无权调用 kvstore:DescribeBackupPolicy');
  await expect(denied).not.toContainText('is not allowed');
});
