import { readFile, stat } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { INSTANCES } from './session';
import {
  fetchBackups,
  lastDays,
  listInstances,
  pickInstance,
  recordBackupRequests,
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
  const cluster = (await listInstances(page)).find((i) => i.instanceId === INSTANCES.cluster);
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

  // Sort by size: largest first, then ascending.
  await page.getByRole('button', { name: 'Sort by Size' }).click();
  await expect(page).toHaveURL(/sort=size\.desc/);
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
  await expect(page.getByRole('button', { name: `Details of backup ${first.backupId}` })).toBeFocused();

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
  await expect(page.getByText(`1–30 of ${all.total.toLocaleString('en-US')} backups`)).toBeVisible();
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

  // The audit log is an admin's: a viewer's menu does not offer it, and the page says why.
  await page.getByRole('button', { name: /^Account: viewer/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Audit log' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.goto('/admin/audit');
  await expect(page.getByRole('alert').filter({ hasText: 'needs the admin role' })).toBeVisible();
});

test('a cluster job downloads all shards through one script', async ({ page }) => {
  await signIn(page, 'demo');
  const cluster = (await listInstances(page)).find((i) => i.instanceId === INSTANCES.cluster)!;
  await page.goto(`/instances/${cluster.instanceId}/backups?status=Success`);
  await page.getByRole('checkbox', { name: 'Group by job' }).check();
  await expect(page).toHaveURL(/group=job/);
  // A job whose every shard succeeded (one with a failed shard asks first: see instance-kinds.spec.ts).
  const view = Object.fromEntries(new URL(page.url()).searchParams);
  const whole = (await fetchBackups(page, cluster.instanceId, view)).jobs!.find(
    (j) => j.status === 'Success',
  )!;
  const job = page.getByRole('button', { name: `Job ${whole.jobId}`, exact: true });
  await job.click();
  await expect(job).toHaveAttribute('aria-expanded', 'true');
  const shards = page.getByRole('table', { name: `Shards of job ${whole.jobId}` }).getByRole('row');
  await expect(shards).toHaveCount(cluster.shardCount! + 1);
  await page.getByRole('button', { name: `Download all shards of job ${whole.jobId}` }).click();
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

test('Back after a search returns to the view it started from, with no request for a mixed view', async ({
  page,
}) => {
  await signIn(page, 'demo');
  const cluster = (await listInstances(page)).find((i) => i.instanceId === INSTANCES.cluster)!;
  const range = lastDays(90);
  await page.goto(`/instances/${cluster.instanceId}/backups?${new URLSearchParams(range)}`);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/^31–60 of/)).toBeVisible();

  const sent = recordBackupRequests(page);
  const search = page.getByRole('searchbox', { name: 'Search backup or job id' });
  // Two pauses while typing: the first sends a new history entry, the second replaces it.
  await search.pressSequentially('34');
  await expect(page).toHaveURL(/q=34(&|$)/);
  await search.pressSequentially('14');
  await expect(page).toHaveURL(/q=3414/);
  await expect(page).not.toHaveURL(/page=/);
  const found = await fetchBackups(page, cluster.instanceId, { ...range, q: '3414' });
  await expect(page.getByText(`of ${found.total} backups`)).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).not.toHaveURL(/q=/);
  await expect(search).toHaveValue('');
  await expect(page.getByText(/^31–60 of/)).toBeVisible();
  // A late, stale search could come only from a typed search still waiting for its pause: none is.
  await expect(search).not.toHaveAttribute('data-pending');
  const pageSize = 'pageSize=30';
  expect(sent).toEqual([
    `q=34&sort=startTime.desc&page=1&${pageSize}`,
    `q=3414&sort=startTime.desc&page=1&${pageSize}`,
  ]);

  await page.goForward();
  await expect(page).toHaveURL(/q=3414/);
  await expect(search).toHaveValue('3414');
});

test('closing the details panel or the job script returns focus to what opened it', async ({ page }) => {
  await signIn(page, 'demo');
  const cluster = (await listInstances(page)).find((i) => i.instanceId === INSTANCES.cluster)!;
  await page.goto(`/instances/${cluster.instanceId}/backups?status=Success`);
  const options = page.getByRole('button', { name: /^Download options for backup / }).first();
  await options.click();
  await page.getByRole('menuitem', { name: 'Details' }).click();
  await expect(page.getByRole('dialog', { name: /^Backup \d+/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(options).toBeFocused();

  await page.getByRole('checkbox', { name: 'Group by job' }).check();
  const downloadAll = page.getByRole('button', { name: /^Download all shards/ }).first();
  await downloadAll.click();
  await expect(page.getByRole('dialog', { name: /Download all shards of job/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(downloadAll).toBeFocused();
});

test('a page past the end becomes the last page', async ({ page }) => {
  await signIn(page, 'demo');
  const cluster = (await listInstances(page)).find((i) => i.instanceId === INSTANCES.cluster)!;
  const range = lastDays(7);
  const { total } = await fetchBackups(page, cluster.instanceId, range);
  const last = Math.ceil(total / 30);
  expect(last).toBeGreaterThan(1);
  await page.goto(
    `/instances/${cluster.instanceId}/backups?${new URLSearchParams({ ...range, page: '999' })}`,
  );
  await expect(page).toHaveURL(new RegExp(`page=${last}(&|$)`));
  await expect(page.getByText(`${(last - 1) * 30 + 1}–${total} of ${total} backups`)).toBeVisible();
  await expect(page.getByText(`Page ${last} of ${last}`)).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(total - (last - 1) * 30);
});

test('values the API would refuse are explained, not sent, and Reset clears the sort too', async ({
  page,
}) => {
  await signIn(page, 'demo');
  const instance = (await listInstances(page)).find((i) => i.architecture === 'standard')!;
  const sent = recordBackupRequests(page);
  await page.goto(
    `/instances/${instance.instanceId}/backups?${new URLSearchParams({ ...lastDays(7), sort: 'bogus.asc', status: 'Nope' })}`,
  );
  const alert = page.getByRole('alert').filter({ hasText: 'cannot use' });
  await expect(alert).toContainText('Status "Nope"');
  await expect(alert).toContainText('Sort "bogus.asc"');
  await expect(page.getByRole('button', { name: 'Date range' })).toBeVisible();
  expect(sent).toEqual([]);

  await alert.getByRole('button', { name: 'Remove the invalid values' }).click();
  await expect(page).not.toHaveURL(/sort=|status=/);
  await expect(page.getByText(/of [\d,]+ backups/)).toBeVisible();

  await page.getByRole('button', { name: 'Sort by Size' }).click();
  await expect(page).toHaveURL(/sort=size\.desc/);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page).not.toHaveURL(/sort=/);
  await expect(page.getByRole('columnheader', { name: /Start time/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
});

test('a link with only a start says the end is missing, next to the Date range control', async ({ page }) => {
  await signIn(page, 'demo');
  const instance = (await listInstances(page))[0]!;
  await page.goto(`/instances/${instance.instanceId}/backups?start=${lastDays(7).start}`);
  await expect(page.getByRole('alert').filter({ hasText: 'The link has no end time.' })).toBeVisible();
  await page.getByRole('button', { name: 'Date range' }).click();
  await page.getByRole('button', { name: 'Last 30 days' }).click();
  await expect(page.getByText(/of [\d,]+ backups/)).toBeVisible();
});

test('the summary keeps the real age of the latest backup while the next page loads', async ({ page }) => {
  await signIn(page, 'demo');
  const cluster = (await listInstances(page)).find((i) => i.instanceId === INSTANCES.cluster)!;
  await page.goto(`/instances/${cluster.instanceId}/backups?${new URLSearchParams(lastDays(7))}`);
  const latest = page.getByRole('definition').filter({ hasText: /ago$/ });
  // Ages are in words of the locale since the i18n work ("8 hours ago", "yesterday").
  await expect(latest).toHaveText(/^(\d+ (seconds?|minutes?|hours?|days?) ago|yesterday)$/);
  const age = await latest.textContent();
  // The next page's answer is held until the loading state has been checked.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/instances/*/backups?**', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading backups' })).toBeAttached();
  await expect(latest).toHaveText(age!);
  release();
  await expect(page.getByText(/^31–/)).toBeVisible();
});

test('Group by job is offered on classic clusters only, and pages whole jobs', async ({ page }) => {
  await signIn(page, 'demo');
  const instances = await listInstances(page);
  const standard = instances.find((i) => i.architecture === 'standard')!;
  await page.goto(`/instances/${standard.instanceId}/backups?group=job`);
  await expect(page.getByText(/of [\d,]+ backups/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Group by job' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Job \d+/ })).toHaveCount(0);

  const cluster = instances.find((i) => i.instanceId === INSTANCES.cluster)!;
  await page.goto(`/instances/${cluster.instanceId}/backups?${new URLSearchParams(lastDays(7))}&group=job`);
  await expect(page.getByRole('checkbox', { name: 'Group by job' })).toBeChecked();
  await expect(page.getByText(`${cluster.shardCount} shards`, { exact: true }).first()).toBeVisible();
  // A job is never cut by the page any more: the page holds whole jobs.
  await expect(page.getByText(/on this page/)).toHaveCount(0);
  await expect(page.getByText(/^1–\d+ of \d+ jobs$/)).toBeVisible();
});

test('at 375 px a job keeps its label and "Download all shards" in view', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, 'demo');
  const cluster = (await listInstances(page)).find((i) => i.instanceId === INSTANCES.cluster)!;
  await page.goto(`/instances/${cluster.instanceId}/backups?group=job`);
  const button = page.getByRole('button', { name: /^Download all shards/ }).first();
  const inView = async () => {
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
  };
  await button.scrollIntoViewIfNeeded();
  await inView();
  await expect(page.getByRole('button', { name: /^Job \d+/ }).first()).toBeInViewport();
  // The page itself never scrolls sideways: everything of a job wraps within the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await button.click();
  await expect(page.getByRole('dialog', { name: /Download all shards of job/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // The range popover's Apply stays on screen, however little room the phone leaves.
  await page.getByRole('button', { name: 'Date range' }).click();
  await expect(page.getByRole('button', { name: 'Apply range' })).toBeInViewport({ ratio: 1 });
});

test('the picker finds instances by plain substrings', async ({ page }) => {
  await signIn(page, 'demo');
  const instances = await listInstances(page);
  await expect(page.getByRole('heading', { name: 'Backup health' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Instance' }).click();
  await page.getByRole('combobox', { name: 'Search instances' }).fill('cluster');
  const options = page.getByRole('listbox').getByRole('option');
  const clusters = instances.filter((i) => i.architecture === 'cluster' || i.name.includes('cluster'));
  await expect(options).toHaveCount(clusters.length);
  await expect(options.first()).toContainText(clusters[0]!.name);
  // Fuzzy scoring matched scattered letters ("cluster" in ticker-cache-sg); substrings do not.
  await page.getByRole('combobox', { name: 'Search instances' }).fill('tkr');
  await expect(options).toHaveCount(0);
});

test.describe('an instance that does not exist', () => {
  test.use({ expectedConsoleErrors: [/status of 404/] });

  test('says so, offers the picker and no Retry', async ({ page }) => {
    await signIn(page, 'demo');
    await page.goto('/instances/r-bp1doesnotexist01/backups');
    const alert = page.getByRole('alert').filter({ hasText: 'Instance not found' });
    await expect(alert).toContainText('not visible to you');
    await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await expect(page.getByRole('definition')).toHaveCount(0);
    await alert.getByRole('button', { name: 'Choose an instance' }).click();
    await expect(page.getByRole('combobox', { name: 'Search instances' })).toBeFocused();
  });
});
