import { readFile, stat } from 'node:fs/promises';
import { test, expect } from './fixtures';
import {
  fetchBackups,
  listInstances,
  pickInstance,
  signIn,
  toggleFacet,
  typedUtc,
  urlUtc,
  visibleSizes,
} from './console-helpers';

const DAY = 86_400_000;

test('browse a cluster: picker, custom range, filter, sort, page, details, copy, reload and Back', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, 'demo');
  const cluster = (await listInstances(page)).find((i) => i.architecture === 'cluster');
  expect(cluster, 'a cluster instance in the emulator').toBeDefined();

  await pickInstance(page, cluster!.name);
  await expect(page).toHaveURL(new RegExp(`/instances/${cluster!.instanceId}/backups`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(cluster!.name);

  // A custom range: first one that ends before it starts, which is explained and not applied.
  const end = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const start = new Date(end.getTime() - 75 * DAY);
  await page.getByRole('button', { name: 'Date range' }).click();
  await page.getByLabel('Start (UTC)').fill(typedUtc(end));
  await page.getByLabel('End (UTC)').fill(typedUtc(start));
  await page.getByRole('button', { name: 'Apply range' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'before its start' })).toBeVisible();
  await page.getByLabel('Start (UTC)').fill(typedUtc(start));
  await page.getByLabel('End (UTC)').fill(typedUtc(end));
  await page.getByRole('button', { name: 'Apply range' }).click();
  await expect(page).toHaveURL(
    new RegExp(`start=${encodeURIComponent(urlUtc(start)).replace(/%3A/g, '(%3A|:)')}`),
  );
  const range = { start: urlUtc(start), end: urlUtc(end) };
  const all = await fetchBackups(page, cluster!.instanceId, range);
  await expect(page.getByText(`of ${all.total.toLocaleString('en-US')} backups`)).toBeVisible();

  // Filter Failed: every row failed, and the count is the facet's.
  const failed = all.facets.status.Failed ?? 0;
  expect(failed).toBeGreaterThan(0);
  await toggleFacet(page, 'Status', 'Failed');
  await expect(page).toHaveURL(/status=Failed/);
  await expect(page.getByText(`of ${failed} backups`)).toBeVisible();
  const statusCells = page.locator('tbody tr td:first-child');
  await expect(statusCells).toHaveCount(Math.min(30, failed));
  for (const text of await statusCells.allTextContents()) expect(text).toBe('Failed');

  // Sort by size, ascending.
  await page.getByRole('button', { name: 'Sort by Size' }).click();
  await expect(page).toHaveURL(/sort=size\.asc/);
  await expect(page.getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', 'ascending');

  // Page 2 of the Failed backups (the cluster had a two-week disk-full incident), sizes still ascending.
  expect(failed).toBeGreaterThan(30);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  const failedRange = `31–${Math.min(60, failed)} of ${failed} backups`;
  await expect(page.getByText(failedRange)).toBeVisible();
  const failedPage2 = await fetchBackups(page, cluster!.instanceId, {
    ...range,
    status: 'Failed',
    sort: 'size.asc',
    page: '2',
  });
  await expect(page.locator('tbody tr').first()).toContainText(failedPage2.rows[0]!.backupId);
  const failedSizes = await visibleSizes(page);
  expect(failedSizes).toEqual([...failedSizes].sort((a, b) => a - b));

  // Switch the filter to Success: a backup there has files, for the details and the copy button.
  await toggleFacet(page, 'Status', 'Failed');
  await toggleFacet(page, 'Status', 'Success');
  const success = all.facets.status.Success ?? 0;
  await expect(page.getByText(`1–30 of ${success.toLocaleString('en-US')} backups`)).toBeVisible();
  const expected = await fetchBackups(page, cluster!.instanceId, {
    ...range,
    status: 'Success',
    sort: 'size.asc',
  });
  await expect(page.locator('tbody tr').first()).toContainText(expected.rows[0]!.backupId);

  // Details of the first row on this page: every field, exact size.
  const first = expected.rows[0]!;
  await page.getByRole('button', { name: `Details of backup ${first.backupId}` }).click();
  const details = page.getByRole('dialog', { name: `Backup ${first.backupId}` });
  await expect(details).toBeVisible();
  await expect(details).toContainText(`${first.size.toLocaleString('en-US')} bytes`);
  await expect(details).toContainText(first.nodeInstanceId!);
  await expect(details).toContainText('Expected expiry');
  await expect(details).toContainText('IP whitelist: yes');
  await details.getByRole('button', { name: 'Show intranet URL' }).click();
  await expect(details.getByRole('textbox', { name: /Intranet URL/ })).toHaveValue(/^https?:\/\//);
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();

  // Copy the intranet URL from the row's menu: a fresh URL for the same file as the API's.
  await page.getByRole('button', { name: `Download options for backup ${first.backupId}` }).click();
  await page.getByRole('menuitem', { name: 'Copy intranet URL' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the intranet URL' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const link = (await (
    await page.request.get(
      `/api/instances/${cluster!.instanceId}/backups/${first.backupId}/download?variant=intranet&format=json`,
    )
  ).json()) as { url: string };
  const path = (u: string) => new URL(u).origin + new URL(u).pathname;
  expect(path(copied)).toBe(path(link.url));

  // Reload keeps the whole view.
  const before = page.url();
  await page.reload();
  expect(page.url()).toBe(before);
  await expect(page.getByText(`1–30 of ${success.toLocaleString('en-US')} backups`)).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', 'ascending');

  // Back walks through the view: no status filter, then the previous filter (Failed, page 2).
  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await page.goBack();
  await expect(page).toHaveURL(/status=Failed/);
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(failedRange)).toBeVisible();
});

test('download a backup: the saved file has its name and exact size', async ({ page }) => {
  await signIn(page, 'demo');
  const end = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
  const range = { start: urlUtc(new Date(end.getTime() - 7 * DAY)), end: urlUtc(end) };
  // The smallest successful backup of any instance keeps the download quick.
  const candidates = await Promise.all(
    (await listInstances(page)).map(async (i) => {
      const answer = await fetchBackups(page, i.instanceId, {
        ...range,
        status: 'Success',
        sort: 'size.asc',
      });
      return answer.rows.filter((b) => b.size > 0).map((b) => ({ ...b, instanceId: i.instanceId }));
    }),
  );
  const backup = candidates.flat().sort((a, b) => a.size - b.size)[0]!;
  expect(backup.size).toBeLessThan(200 * 1024 * 1024);
  const link = (await (
    await page.request.get(
      `/api/instances/${backup.instanceId}/backups/${backup.backupId}/download?format=json`,
    )
  ).json()) as { fileName: string };

  await page.goto(
    `/instances/${backup.instanceId}/backups?${new URLSearchParams({ ...range, status: 'Success', sort: 'size.asc' })}`,
  );
  const downloadEvent = page.waitForEvent('download');
  await page.getByRole('button', { name: `Download backup ${backup.backupId}` }).click();
  const download = await downloadEvent;
  expect(download.suggestedFilename()).toBe(link.fileName);
  const file = await download.path();
  expect((await stat(file)).size).toBe(backup.size);
  expect((await readFile(file)).subarray(0, 5).toString('latin1')).toMatch(/^(REDIS|\*2\r\n|\x1f\x8b)/);
});

test('failed backups and viewers cannot download, and say why', async ({ page }) => {
  await signIn(page, 'viewer');
  const instance = (await listInstances(page))[0]!;
  await page.goto(`/instances/${instance.instanceId}/backups`);
  const firstDownload = page.getByRole('button', { name: /^Download backup / }).first();
  await expect(firstDownload).toHaveAttribute('aria-disabled', 'true');
  await expect(firstDownload).toHaveAttribute('title', /viewer/);
  await expect(firstDownload).toHaveAccessibleDescription(/viewer/);
});

test('a cluster job downloads all shards through one script', async ({ page }) => {
  await signIn(page, 'demo');
  const cluster = (await listInstances(page)).find((i) => i.architecture === 'cluster')!;
  await page.goto(`/instances/${cluster.instanceId}/backups?status=Success`);
  await page.getByRole('checkbox', { name: 'Group by job' }).check();
  await expect(page).toHaveURL(/group=job/);
  const firstJob = page.getByRole('button', { name: /^Job \d+/ }).first();
  await firstJob.click();
  await expect(firstJob).toHaveAttribute('aria-expanded', 'true');
  await page
    .getByRole('button', { name: /^Download all shards/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: /Download all shards of job/ });
  const script = dialog.getByRole('textbox', { name: 'Download script' });
  await expect(script).toHaveValue(/^#!\/bin\/sh/);
  const wgets = ((await script.inputValue()).match(/^wget -c -O /gm) ?? []).length;
  expect(wgets).toBe(cluster.shardCount);
});

test('an invalid range in the link is explained, not sent', async ({ page }) => {
  await signIn(page, 'demo');
  const instance = (await listInstances(page))[0]!;
  const sent: string[] = [];
  page.on('request', (r) => r.url().includes('/api/instances/') && sent.push(r.url()));
  await page.goto(`/instances/${instance.instanceId}/backups?start=2026-13-01T00:00Z&end=2026-11-01T00:00Z`);
  await expect(page.getByRole('alert').filter({ hasText: 'not a date-time' })).toBeVisible();
  expect(sent).toEqual([]);
  await page.getByRole('button', { name: 'Use the last 7 days' }).click();
  await expect(page.getByText(/of [\d,]+ backups/)).toBeVisible();
});
