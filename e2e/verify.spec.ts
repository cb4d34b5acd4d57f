import { request, type Page } from '@playwright/test';
import { damageOf } from '@/emulator/seed/verify-lab';
import { SEED_INSTANCE_IDS } from '@/emulator/seed';
import type { Backup } from '@/lib/aliyun/types';
import { test, expect } from './fixtures';
import { fetchBackups, lastDays, pressUntil, signIn } from './console-helpers';

// Verifying backups from the console, against the emulator's real RDB files: the verify lab's backups cycle
// through damage by day (emulator/README.md), so the test knows which file is good and which is not.

const LAB = SEED_INSTANCE_IDS.verifyLab;
const CLUSTER = SEED_INSTANCE_IDS.cluster;
const emulator = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;

async function labBackups(page: Page): Promise<Backup[]> {
  return (await fetchBackups(page, LAB, { ...lastDays(14), pageSize: '100' })).rows;
}

function labBackup(rows: Backup[], damage: ReturnType<typeof damageOf>): Backup {
  const found = rows.find((b) => damageOf(LAB, { BackupStartTime: b.startTime }) === damage);
  if (!found) throw new Error(`the verify lab has no ${damage ?? 'valid'} backup in the last 14 days`);
  return found;
}

const labView = () => `/instances/${LAB}/backups?${new URLSearchParams(lastDays(14))}`;
const row = (page: Page, backupId: string) =>
  page.getByRole('row').filter({ has: page.getByRole('button', { name: `Details of backup ${backupId}` }) });

test('verify a backup from its menu, watch it finish, and find the result on the row after a reload', async ({
  page,
}) => {
  await signIn(page, 'downloader');
  const backup = labBackup(await labBackups(page), null);
  await page.goto(labView());
  await expect(page.getByRole('columnheader', { name: 'Verification' })).toBeVisible();
  await expect(row(page, backup.backupId)).toContainText('Not verified');

  await page.getByRole('button', { name: `Download options for backup ${backup.backupId}` }).click();
  await page.getByRole('menuitem', { name: 'Verify' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Verifying backup ${backup.backupId}` }),
  ).toBeVisible();
  await expect(row(page, backup.backupId)).toContainText(/Verified · [\d.]+K? keys/);

  await page.reload();
  await expect(row(page, backup.backupId)).toContainText(/Verified · [\d.]+K? keys/);
  // The details say what was found.
  await page.getByRole('button', { name: `Details of backup ${backup.backupId}` }).click();
  const details = page.getByRole('dialog', { name: `Backup ${backup.backupId}` });
  const panel = details.getByRole('region', { name: 'Verification' });
  await expect(panel).toContainText('CRC-64 matches');
  await expect(panel).toContainText('6.0.9');
  await expect(panel).toContainText(/db0: \d+ · db3: 2/);
  await expect(panel).toContainText('downloader');
  await expect(panel.getByRole('button', { name: 'Verify again' })).toBeEnabled();
});

test('a damaged backup says where it is damaged, on the row and in its details', async ({ page }) => {
  await signIn(page, 'demo');
  const rows = await labBackups(page);
  const flipped = labBackup(rows, 'flipped-byte');
  const truncated = labBackup(rows, 'truncated');
  await page.goto(labView());

  await page.getByRole('button', { name: `Details of backup ${flipped.backupId}` }).click();
  const details = page.getByRole('dialog', { name: `Backup ${flipped.backupId}` });
  const panel = details.getByRole('region', { name: 'Verification' });
  await expect(panel).toContainText('This backup has not been verified.');
  await panel.getByRole('button', { name: 'Verify' }).click();
  await expect(panel).toContainText(/Corrupt at byte [\d,]+/);
  await expect(panel).toContainText('Unknown value type or opcode 90.');
  await expect(panel).toContainText(/byte [\d,]+ of [\d.]+ (KiB|MiB)/);
  await page.keyboard.press('Escape');
  await expect(row(page, flipped.backupId)).toContainText(/Corrupt at byte [\d,]+/);

  await page.getByRole('button', { name: `Download options for backup ${truncated.backupId}` }).click();
  await page.getByRole('menuitem', { name: 'Verify' }).click();
  await expect(row(page, truncated.backupId)).toContainText(
    `Truncated at byte ${truncated.size.toLocaleString('en-US')}`,
  );
  await page.reload();
  await expect(row(page, flipped.backupId)).toContainText(/Corrupt at byte [\d,]+/);
  await expect(row(page, flipped.backupId).getByText(/Corrupt at byte/)).toHaveAttribute(
    'title',
    'Unknown value type or opcode 90.',
  );
});

test.describe('a viewer', () => {
  test.use({ expectedConsoleErrors: [/status of 403/] });

  test('cannot start a verification: the menu and the details say why, the API refuses', async ({ page }) => {
    await signIn(page, 'viewer');
    const backup = labBackup(await labBackups(page), null);
    await page.goto(labView());
    await pressUntil(
      page.getByRole('button', { name: `Download options for backup ${backup.backupId}` }),
      () => expect(page.getByRole('menu')).toBeVisible({ timeout: 1_000 }),
    );
    await expect(page.getByRole('menuitem', { name: /^Verify/ })).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByRole('menu')).toContainText(
      'Your role (viewer) can browse backups but not verify them.',
    );
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: `Details of backup ${backup.backupId}` }).click();
    const panel = page.getByRole('region', { name: 'Verification' });
    await expect(panel.getByRole('button', { name: /^Verify/ })).toBeDisabled();

    const refused = await page.evaluate(
      async (path) => (await fetch(path, { method: 'POST' })).status,
      `/api/instances/${LAB}/backups/${backup.backupId}/verify`,
    );
    expect(refused).toBe(403);
  });
});

test('"Verify all shards" verifies every shard of a cluster job, and the job is verified when all are', async ({
  page,
}) => {
  await signIn(page, 'demo');
  const recent = await fetchBackups(page, CLUSTER, { ...lastDays(3), status: 'Success', pageSize: '100' });
  const jobId = recent.rows[0]!.backupJobId!;
  const shards = recent.rows.filter((b) => b.backupJobId === jobId);
  expect(shards.length).toBe(8);
  // The seeded shards are gigabytes: make this job's files small for the test, and put them back after.
  const admin = await request.newContext();
  const patch = (b: Backup, size: number) =>
    admin.patch(`${emulator}/__admin/instances/${CLUSTER}/backups/${b.backupId}`, {
      data: { status: 'Success', size },
    });
  try {
    for (const shard of shards)
      expect((await patch(shard, 150_000 + (Number(shard.backupId) % 1000))).status()).toBe(200);
    await page.goto(`/instances/${CLUSTER}/backups?${new URLSearchParams(lastDays(3))}&group=job`);
    await page.getByRole('button', { name: 'Refresh' }).click();
    // Grouped by job, the page lists whole jobs.
    await expect(page.getByText(/of [\d,]+ jobs?/)).toBeVisible();
    await page.getByRole('button', { name: `Verify all shards of job ${jobId}` }).click();
    await expect(page.getByText('All 8 shards verified')).toBeVisible();
    await page.getByRole('button', { name: new RegExp(`^Job ${jobId}`) }).click();
    // A job's shards are listed by node, each with its download button.
    for (const shard of shards)
      await expect(
        page
          .getByRole('row')
          .filter({ has: page.getByRole('button', { name: `Download backup ${shard.backupId}` }) }),
      ).toContainText(/Verified · /);
  } finally {
    for (const shard of shards) await patch(shard, shard.size);
    await admin.dispose();
  }
});
