import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import {
  fetchBackups,
  lastDays,
  listInstances,
  recordBackupRequests,
  signIn,
  urlUtc,
} from './console-helpers';
import { INSTANCES } from './session';

// What the backup index adds to the pages on the shared e2e server: the first rows in the server's HTML,
// exports of a whole view, and the admin's status page.

const DAY = 86_400_000;
/** The count under the table ("1–30 of 5,400 backups"), not the progress of a first sync. */

/** A settled past range (whole minutes): the index holds it as final, so nothing about it changes. */
function pastDays(from: number, to: number): { start: string; end: string } {
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  return { start: urlUtc(new Date(now - from * DAY)), end: urlUtc(new Date(now - to * DAY)) };
}

test('a page without a range gets the default one from the server', async ({ page }) => {
  await signIn(page, 'demo');
  await page.goto(`/instances/${INSTANCES.standard}/backups?status=Success`);
  await expect(page).toHaveURL(/[?&]start=[^&]+/);
  await expect(page).toHaveURL(/[?&]end=[^&]+/);
  await expect(page).toHaveURL(/status=Success/);
  await expect(page.getByRole('button', { name: 'Date range' })).toContainText('Last 7 days');
});

test('a warm view’s rows are in the server’s HTML, and the browser asks for nothing more', async ({
  page,
}) => {
  await signIn(page, 'demo');
  const range = pastDays(6, 2);
  const view = `/instances/${INSTANCES.standard}/backups?${new URLSearchParams(range)}`;
  const answer = await fetchBackups(page, INSTANCES.standard, range); // indexes the range if it was not
  const first = answer.rows[0]!.backupId;

  const html = await (await page.request.get(view)).text();
  expect(html).toContain(`aria-label="Details of backup ${first}"`);

  const sent = recordBackupRequests(page);
  await page.goto(view);
  await expect(page.getByRole('button', { name: `Details of backup ${first}` })).toBeVisible();
  // A menu that opens shows the page is hydrated; its first-view queries have run by then.
  await page.getByRole('button', { name: 'Columns' }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  expect(sent).toEqual([]);
});

test('Export downloads every row of the view, in its sort and whatever the page, as CSV and JSON', async ({
  page,
}) => {
  await signIn(page, 'demo');
  const cluster = (await listInstances(page)).find((i) => i.instanceId === INSTANCES.cluster)!;
  const range = lastDays(60);
  const view = { ...range, status: 'Failed', sort: 'backupId.desc' };
  const expected = await fetchBackups(page, cluster.instanceId, view);
  expect(expected.total).toBeGreaterThan(30);
  await page.goto(`/instances/${cluster.instanceId}/backups?${new URLSearchParams({ ...view, page: '2' })}`);
  await expect(page.getByText(new RegExp(`^31–\\d+ of ${expected.total} backups$`))).toBeVisible();

  const save = async (format: 'CSV' | 'JSON') => {
    await page.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: format }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      new RegExp(`^${cluster.instanceId}-backups-.*\\.${format.toLowerCase()}$`),
    );
    return readFile(await file.path(), 'utf8');
  };

  const csv = (await save('CSV')).trim().split('\n');
  expect(csv[0]).toMatch(/^backupId,/);
  expect(csv).toHaveLength(expected.total + 1);
  expect(csv[1]).toMatch(new RegExp(`^${expected.rows[0]!.backupId},`));
  expect(csv.slice(1).every((line) => line.includes(',Failed,'))).toBe(true);

  const json = JSON.parse(await save('JSON')) as { backupId: string; status: string }[];
  expect(json).toHaveLength(expected.total);
  expect(json.slice(0, 30).map((b) => b.backupId)).toEqual(expected.rows.map((b) => b.backupId));
  expect(json.every((b) => b.status === 'Failed')).toBe(true);
});

test('the admin’s index page shows the upstream budget and each instance’s coverage', async ({ page }) => {
  await signIn(page, 'demo');
  await expect(page.getByRole('heading', { name: 'Backup health' })).toBeVisible();
  await page.getByRole('button', { name: /^Account: demo/ }).click();
  await page.getByRole('menuitem', { name: 'Backup index' }).click();
  await expect(page.getByRole('heading', { name: 'Backup index', level: 1 })).toBeVisible();
  await expect(page.getByText(/^[\d,]+ calls? in the last minute · budget \d+\/s/)).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(INSTANCES.standard) });
  await expect(row).toContainText('cn-hangzhou');
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} – \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
});

test('a viewer is told the index page is an admin’s', async ({ page }) => {
  await signIn(page, 'viewer');
  // `/` is the fleet page: open the menu once it is there.
  await expect(page.getByRole('heading', { name: 'Backup health' })).toBeVisible();
  await page.getByRole('button', { name: /^Account: viewer/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Backup index' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.goto('/admin/index');
  await expect(page.getByRole('alert').filter({ hasText: 'needs the admin role' })).toBeVisible();
});
