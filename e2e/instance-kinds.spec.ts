import { request } from '@playwright/test';
import { expect, test } from './fixtures';
import { fetchBackups, lastDays, pressUntil, signIn, toggleFacet } from './console-helpers';
import { INSTANCES } from './session';

// Every instance kind and every backup state, on the built console against the emulator: cloud-native sets
// (one incomplete), a running backup that joins the table, log backups, a 256-shard job, an incomplete job,
// a RAM denial, and a link to a backup's details.

const emulatorUrl = () => `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
const CONSOLE_KEY = process.env.EMULATOR_ACCESS_KEY_ID ?? 'demo-access-key-id';

async function emulatorAdmin(method: 'POST' | 'PUT' | 'DELETE', path: string, data?: unknown) {
  const ctx = await request.newContext();
  try {
    const res = await ctx.fetch(`${emulatorUrl()}/__admin/${path}`, { method, data });
    if (!res.ok()) throw new Error(`${method} ${path} answered ${res.status()}: ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  } finally {
    await ctx.dispose();
  }
}

const wgetLines = (script: string) => script.match(/^wget -c -O .+$/gm) ?? [];

test('a running backup shows its progress, then joins the table without a reload', async ({ page }) => {
  await signIn(page, 'demo');
  const started = await emulatorAdmin('POST', `instances/${INSTANCES.rwsplit}/backup-tasks`, {
    durationSeconds: 15,
    size: 4096,
  });
  const jobId = String(started.BackupJobID);
  // A range that ends a little ahead, so the backup that is starting now lies in it.
  const end = new Date(Date.now() + 10 * 60_000);
  const range = { start: lastDays(7).start, end: end.toISOString().slice(0, 16) + 'Z' };
  await page.goto(`/instances/${INSTANCES.rwsplit}/backups?${new URLSearchParams(range)}`);
  await expect(page.getByText(/of [\d,]+ backups/)).toBeVisible();
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  const running = page.getByRole('region', { name: 'Running backups' });
  const bar = running.getByRole('progressbar', { name: `Backup job ${jobId}` });
  await expect(bar).toBeVisible();
  const first = Number(await bar.getAttribute('aria-valuenow'));
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(first);

  // Finished: gone from above the table, and its backup in the table (the newest row).
  const row = page.getByRole('button', { name: `Details of backup ${Number(jobId) * 32}` });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(running).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `Backup job ${jobId} finished` })).toBeAttached();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

test('log backups: the Type filter finds them, and the header shows the restorable window', async ({
  page,
}) => {
  await signIn(page, 'demo');
  const range = lastDays(2);
  await page.goto(`/instances/${INSTANCES.incremental}/backups?${new URLSearchParams(range)}`);
  await expect(page.getByText('Restorable to any point')).toBeVisible();
  await expect(page.getByText(/^from .+ to now$/)).toBeVisible();

  await toggleFacet(page, 'Type', 'Incremental');
  await expect(page).toHaveURL(/type=IncrementalBackup/);
  const logs = await fetchBackups(page, INSTANCES.incremental, { ...range, type: 'IncrementalBackup' });
  expect(logs.total).toBeGreaterThanOrEqual(24);
  await expect(page.getByText(`1–30 of ${logs.total} backups`)).toBeVisible();
  const types = page.getByRole('cell', { name: 'Incremental', exact: true });
  await expect(types).toHaveCount(30);
  await expect(page.getByRole('cell', { name: 'Full', exact: true })).toHaveCount(0);
});

test('a 256-shard job is one row on one page, and its script holds 256 fresh URLs', async ({ page }) => {
  await signIn(page, 'demo');
  const range = lastDays(7);
  await page.goto(`/instances/${INSTANCES.bigCluster}/backups?${new URLSearchParams(range)}&group=job`);
  const { jobs } = await fetchBackups(page, INSTANCES.bigCluster, { ...range, group: 'job' });
  const whole = jobs!.find((j) => j.status === 'Success')!;
  await expect(page.getByText('256 shards', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(`of ${jobs!.length} jobs`)).toBeVisible();

  // A toggle: heard once it says it is open (pressing again while its shards load would close it).
  const job = page.getByRole('button', { name: `Job ${whole.jobId}`, exact: true });
  await pressUntil(job, () => expect(job).toHaveAttribute('aria-expanded', 'true', { timeout: 1_000 }));
  const shards = page.getByRole('table', { name: `Shards of job ${whole.jobId}` });
  await expect(shards.getByRole('row')).toHaveCount(257);

  await page.getByRole('button', { name: `Download all shards of job ${whole.jobId}` }).click();
  const script = page
    .getByRole('dialog', { name: `Download all shards of job ${whole.jobId}` })
    .getByRole('textbox', { name: 'Download script' });
  await expect(script).toHaveValue(/^#!\/bin\/sh/);
  const lines = wgetLines(await script.inputValue());
  expect(lines).toHaveLength(256);
  const nodes = new Set(lines.map((l) => /-O '([^/]+)\//.exec(l)![1]));
  expect(nodes.size).toBe(256);
  const expires = lines.map((l) => Number(/Expires=(\d+)/.exec(l)![1]) * 1000);
  expect(Math.min(...expires)).toBeGreaterThan(Date.now());
});

test.describe('backups of a whole cluster with files missing', () => {
  // The dialog first asks for the script without confirming: an incomplete set or job answers 409.
  test.use({ expectedConsoleErrors: [/status of 409/] });

  test('a cloud-native cluster lists backup sets, says which is incomplete and downloads by node or whole', async ({
    page,
  }) => {
    await signIn(page, 'demo');
    const range = lastDays(30);
    await page.goto(`/instances/${INSTANCES.cloudNative}/backups?${new URLSearchParams(range)}`);
    const incomplete = page.getByText('incomplete: 2 of 16 nodes unavailable');
    await expect(incomplete).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Group by job' })).toHaveCount(0);
    // A set's job id is its own id: that column is hidden here unless chosen.
    await expect(page.getByRole('columnheader', { name: /Backup ID/ })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: /Job ID/ })).toHaveCount(0);

    const answer = await fetchBackups(page, INSTANCES.cloudNative, range);
    const set = answer.rows.find((r) => r.status === 'Incomplete')!;
    const toggle = page.getByRole('button', { name: `Nodes of backup set ${set.backupId}`, exact: true });
    await expect(toggle).toHaveText('16 nodes');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const nodes = page.getByRole('table', { name: `Node backups of set ${set.backupId}` });
    await expect(nodes.getByRole('row')).toHaveCount(17);
    const lost = set.nodes!.find((n) => n.nodeInstanceId === `${INSTANCES.cloudNative}-db-4`)!;
    const kept = set.nodes!.find((n) => n.status === 'Success')!;
    await expect(nodes.getByRole('button', { name: `Download backup ${lost.backupId}` })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    // One node on its own: a fresh URL for that node's file.
    const link = await page.request.get(
      `/api/instances/${INSTANCES.cloudNative}/backups/${kept.backupId}/download?format=json`,
    );
    expect(link.status()).toBe(200);
    const head = await page.request.head((await link.json()).url);
    expect(Number(head.headers()['content-length'])).toBe(kept.size);

    // The whole set: the dialog names the two lost nodes, then gives a script for the other 14.
    await page.getByRole('button', { name: `Download all nodes of backup set ${set.backupId}` }).click();
    const dialog = page.getByRole('dialog', { name: `Download all nodes of backup set ${set.backupId}` });
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('2 of 16 have no file');
    await expect(alert).toContainText(`${INSTANCES.cloudNative}-db-4`);
    await expect(alert).toContainText(`${INSTANCES.cloudNative}-db-11`);
    await alert.getByRole('button', { name: 'Download the 14 available' }).click();
    const script = dialog.getByRole('textbox', { name: 'Download script' });
    await expect(script).toHaveValue(/^#!\/bin\/sh/);
    expect(wgetLines(await script.inputValue())).toHaveLength(14);
  });

  test('an incomplete job’s dialog names the missing shard before it gives the rest', async ({ page }) => {
    await signIn(page, 'demo');
    const range = lastDays(7);
    await page.goto(`/instances/${INSTANCES.bigCluster}/backups?${new URLSearchParams(range)}&group=job`);
    const { jobs } = await fetchBackups(page, INSTANCES.bigCluster, { ...range, group: 'job' });
    const partial = jobs!.find((j) => j.status !== 'Success')!;
    await expect(page.getByText('1 of 256 shards failed')).toBeVisible();

    const dialog = page.getByRole('dialog', { name: `Download all shards of job ${partial.jobId}` });
    await pressUntil(page.getByRole('button', { name: `Download all shards of job ${partial.jobId}` }), () =>
      expect(dialog).toBeVisible({ timeout: 3_000 }),
    );
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('1 of 256 have no file');
    await expect(alert).toContainText(`${INSTANCES.bigCluster}-db-17`);
    await expect(dialog.getByRole('textbox', { name: 'Download script' })).toHaveCount(0);
    await alert.getByRole('button', { name: 'Download the 255 available' }).click();
    const script = dialog.getByRole('textbox', { name: 'Download script' });
    await expect(script).toHaveValue(/# skipped r-uf6cluster256sh1-db-17/);
    expect(wgetLines(await script.inputValue())).toHaveLength(255);
  });
});

test('a link with ?backup= opens that backup’s details, and Copy link gives it back', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, 'demo');
  // A backup that is not on the first page: the panel asks the API for it.
  const range = lastDays(90);
  const { rows } = await fetchBackups(page, INSTANCES.standard, { ...range, page: '2' });
  const target = rows[4]!;
  const view = `/instances/${INSTANCES.standard}/backups?${new URLSearchParams({ ...range, backup: target.backupId })}`;
  await page.goto(view);
  const details = page.getByRole('dialog', { name: `Backup ${target.backupId}` });
  await expect(details).toBeVisible();
  await expect(details).toContainText(`${target.size.toLocaleString('en-US')} bytes`);

  await details.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied a link to this backup' })).toBeVisible();
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied.pathname).toBe(`/instances/${INSTANCES.standard}/backups`);
  expect(copied.searchParams.get('backup')).toBe(target.backupId);

  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(page).not.toHaveURL(/backup=/);
  await page.goto(copied.toString());
  await expect(page.getByRole('dialog', { name: `Backup ${target.backupId}` })).toBeVisible();
});

test.describe('a RAM denial', () => {
  test.use({ expectedConsoleErrors: [/status of 403/] });

  test('says which action was denied and by which policy type, and nothing about who', async ({ page }) => {
    await signIn(page, 'demo');
    await emulatorAdmin('PUT', `access-keys/${CONSOLE_KEY}/denied-actions`, { actions: ['DescribeBackups'] });
    try {
      // A range nothing has read yet: the index has nothing to show instead.
      const now = Math.floor(Date.now() / 60_000) * 60_000;
      const range = {
        start: new Date(now - 50 * 86_400_000).toISOString().slice(0, 16) + 'Z',
        end: new Date(now - 45 * 86_400_000).toISOString().slice(0, 16) + 'Z',
      };
      await page.goto(`/instances/${INSTANCES.rwsplit}/backups?${new URLSearchParams(range)}`);
      const alert = page.getByRole('alert').filter({ hasText: 'A RAM policy denies this' });
      await expect(alert).toBeVisible();
      await expect(alert).toContainText('kvstore:DescribeBackups');
      await expect(alert).toContainText('AccountLevelIdentityBasedPolicy');
      await expect(alert).toContainText('ImplicitDeny');
      const html = await page.content();
      for (const secret of ['1234567890123456', 'emulator-user', 'EncodedDiagnosticMessage', CONSOLE_KEY])
        expect(html).not.toContain(secret);
    } finally {
      await emulatorAdmin('DELETE', 'access-keys');
    }
  });
});
