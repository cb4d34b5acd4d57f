import { readFile, stat } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { fetchBackups, lastDays, listInstances, pressUntil } from './console-helpers';
import { resetFaults, setFaults } from './emulator-faults';
import { INSTANCES } from './session';

// The console in Chinese and in English: the main journey in each, the language switch, a link's time zone,
// a phone, and a slow Alibaba Cloud. Words are the message files' own, so a missing or English-only string
// in the Chinese journey fails here.

const WORDS = {
  'zh-CN': {
    username: '用户名',
    password: '密码',
    signIn: '登录',
    instance: '实例',
    search: '搜索实例',
    range: '时间范围',
    last90: '最近 90 天',
    status: '状态',
    failed: '失败',
    success: '成功',
    next: '下一页',
    download: (id: string) => `下载备份 ${id}`,
    rows: (first: number, last: number, total: number) =>
      `第 ${first}–${last} 个，共 ${total.toLocaleString('en-US')} 个备份`,
    account: /^账号：demo/,
  },
  en: {
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    instance: 'Instance',
    search: 'Search instances',
    range: 'Date range',
    last90: 'Last 90 days',
    status: 'Status',
    failed: 'Failed',
    success: 'Success',
    next: 'Next page',
    download: (id: string) => `Download backup ${id}`,
    rows: (first: number, last: number, total: number) =>
      `${first}–${last} of ${total.toLocaleString('en-US')} backups`,
    account: /^Account: demo/,
  },
} as const;

type Lang = keyof typeof WORDS;

async function signIn(page: Page, lang: Lang, user = 'demo') {
  const w = WORDS[lang];
  await page.goto('/sign-in');
  await page.getByLabel(w.username).fill(user);
  await page.getByLabel(w.password).fill(user);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Sign-in lands on the fleet page; some journeys start on an instance's backups, its default range set. */
async function openStandardBackups(page: Page) {
  await page.goto(`/instances/${INSTANCES.standard}/backups`);
  await expect(page).toHaveURL(/[?&]start=/);
}

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang });

    test('sign in, pick an instance, a range, the Status filter, a page, and download', async ({ page }) => {
      const w = WORDS[lang];
      await signIn(page, lang);
      await openStandardBackups(page);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);

      const cluster = (await listInstances(page)).find((i) => i.instanceId === INSTANCES.cluster)!;
      const picker = page.getByRole('combobox', { name: w.instance });
      await expect(page).toHaveURL(/\/instances\/[^/]+\/backups/);
      await picker.click();
      await page.getByRole('combobox', { name: w.search }).fill(cluster.instanceId);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`/instances/${cluster.instanceId}/backups`));
      await expect(page).toHaveTitle(lang === 'en' ? `${cluster.name} · Backups` : `${cluster.name} · 备份`);

      await page.getByRole('button', { name: w.range }).click();
      await page.getByRole('button', { name: w.last90 }).click();
      await expect(page.getByRole('button', { name: w.range })).toContainText(w.last90);
      const start = new URL(page.url()).searchParams.get('start')!;
      const end = new URL(page.url()).searchParams.get('end')!;

      await page.getByRole('button', { name: w.status, exact: true }).click();
      await page.getByRole('menuitemcheckbox', { name: w.failed, exact: true }).click();
      await page.keyboard.press('Escape');
      await expect(page).toHaveURL(/status=Failed/);
      const failed = await fetchBackups(page, cluster.instanceId, { start, end, status: 'Failed' });
      expect(failed.total).toBeGreaterThan(30);
      await expect(page.getByText(w.rows(1, 30, failed.total))).toBeVisible();
      for (const cell of await page.locator('tbody tr td:first-child').allTextContents())
        expect(cell).toBe(w.failed);

      await page.getByRole('button', { name: w.next }).click();
      await expect(page).toHaveURL(/page=2/);
      await expect(page.getByText(w.rows(31, Math.min(60, failed.total), failed.total))).toBeVisible();

      // Success backups have files: the smallest one downloads quickly.
      await page.getByRole('button', { name: w.status, exact: true }).click();
      await page.getByRole('menuitemcheckbox', { name: w.failed, exact: true }).click();
      await page.getByRole('menuitemcheckbox', { name: w.success, exact: true }).click();
      await page.keyboard.press('Escape');
      await expect(page).toHaveURL(/status=Success/);
      const answer = await fetchBackups(page, cluster.instanceId, {
        start,
        end,
        status: 'Success',
        sort: 'size.asc',
      });
      await page.goto(
        `${new URL(page.url()).pathname}?${new URLSearchParams({ start, end, status: 'Success', sort: 'size.asc' })}`,
      );
      const backup = answer.rows[0]!;
      const saved = page.waitForEvent('download');
      await page.getByRole('button', { name: w.download(backup.backupId) }).click();
      const file = await saved;
      expect((await stat(await file.path())).size).toBe(backup.size);
    });
  });
}

test('the language switch in the user menu changes every word and is remembered', async ({ page }) => {
  await signIn(page, 'en');
  await openStandardBackups(page);
  await expect(page.getByText(/of [\d,]+ backups/)).toBeVisible();
  await page.getByRole('button', { name: /^Account: demo/ }).click();
  await page.getByRole('menuitemradio', { name: '简体中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '时间范围' })).toBeVisible();
  await expect(page.getByText(/^第 [\d,–]+ 个，共 [\d,]+ 个备份$/)).toBeVisible();

  // Remembered: a new page, a reload, even an English browser, stay Chinese.
  await page.reload();
  await expect(page.getByRole('button', { name: '时间范围' })).toBeVisible();
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();

  await page.getByRole('button', { name: /^账号：demo/ }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
});

test('a link with tz=Asia/Shanghai shows every time in Beijing time, labelled', async ({ page }) => {
  await signIn(page, 'en');
  const range = lastDays(7);
  const answer = await fetchBackups(page, INSTANCES.standard, range);
  const first = answer.rows[0]!;
  const beijing = new Date(Date.parse(first.startTime) + 8 * 3_600_000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');
  await page.goto(
    `/instances/${INSTANCES.standard}/backups?${new URLSearchParams({ ...range, tz: 'Asia/Shanghai' })}`,
  );
  await expect(page.getByRole('button', { name: 'Time zone: Asia/Shanghai (UTC+08:00)' })).toBeVisible();
  await expect(page.locator('tbody tr').first().locator('time')).toHaveText(beijing);

  // Any IANA zone from the picker goes into the link.
  await page.getByRole('button', { name: /^Time zone:/ }).click();
  await page.getByRole('combobox', { name: 'Search time zones' }).fill('Tokyo');
  await page
    .getByRole('listbox')
    .getByRole('option', { name: /Asia\/Tokyo \(UTC\+09:00\)/ })
    .click();
  await expect(page).toHaveURL(/tz=Asia(%2F|\/)Tokyo/);
  const tokyo = new Date(Date.parse(first.startTime) + 9 * 3_600_000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');
  await expect(page.locator('tbody tr').first().locator('time')).toHaveText(tokyo);
});

test('a zh-CN reader is offered Beijing time first', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  try {
    await signIn(page, 'zh-CN');
    await openStandardBackups(page);
    await expect(page.getByText(/^第 [\d,–]+ 个，共 [\d,]+ 个备份$/)).toBeVisible();
    await page.getByRole('button', { name: /^时区：/ }).click();
    await expect(page.getByRole('listbox').getByRole('option').first()).toContainText(
      'Asia/Shanghai (UTC+08:00)',
    );
  } finally {
    await context.close();
  }
});

test('an empty range offers the latest backups, and goes there', async ({ page }) => {
  await signIn(page, 'en');
  await page.goto(`/instances/${INSTANCES.docExample}/backups`);
  await expect(page.getByRole('heading', { name: 'No backups in this range' })).toBeVisible();
  const offer = page.getByRole('button', { name: 'Show the latest backups (2019-03-14)' });
  await offer.click();
  await expect(page.getByText('1–3 of 3 backups')).toBeVisible();
  await expect(page.getByText(/\d+ years ago/)).toBeVisible();
});

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('a backup downloads from the card list, without scrolling sideways', async ({ page }) => {
    await signIn(page, 'en');
    const range = lastDays(7);
    const answer = await fetchBackups(page, INSTANCES.standard, {
      ...range,
      status: 'Success',
      sort: 'size.asc',
    });
    const backup = answer.rows[0]!;
    await page.goto(
      `/instances/${INSTANCES.standard}/backups?${new URLSearchParams({ ...range, status: 'Success', sort: 'size.asc' })}`,
    );
    await expect(page.locator('table')).toBeHidden();
    const button = page
      .getByRole('listitem')
      .getByRole('button', { name: `Download backup ${backup.backupId}` });
    // Below the health header on a phone: reached by scrolling down, never sideways.
    await button.scrollIntoViewIfNeeded();
    await expect(button).toBeInViewport();
    const box = (await button.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const saved = page.waitForEvent('download');
    await button.click();
    const file = await saved;
    expect((await stat(await file.path())).size).toBe(backup.size);
    expect((await readFile(await file.path())).length).toBe(backup.size);
  });

  test('the date-range popover is usable end to end: fields in view, typed, applied', async ({ page }) => {
    await signIn(page, 'en');
    await page.goto(`/instances/${INSTANCES.standard}/backups`);
    await page.getByRole('button', { name: 'Date range' }).click();
    const startField = page.getByLabel('Start (UTC)');
    const endField = page.getByLabel('End (UTC)');
    await expect(startField).toBeInViewport({ ratio: 1 });
    await expect(endField).toBeInViewport({ ratio: 1 });
    const end = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
    const start = new Date(end.getTime() - 10 * 86_400_000);
    const typed = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');
    await startField.fill(typed(start));
    await endField.fill(typed(end));
    const apply = page.getByRole('button', { name: 'Apply range' });
    await expect(apply).toBeInViewport({ ratio: 1 });
    await apply.click();
    await expect(page).toHaveURL(
      new RegExp(`start=${start.toISOString().slice(0, 16)}`.replace(/:/g, '(:|%3A)')),
    );
    const answer = await fetchBackups(page, INSTANCES.standard, {
      start: start.toISOString().slice(0, 16) + 'Z',
      end: end.toISOString().slice(0, 16) + 'Z',
    });
    await expect(page.getByText(`of ${answer.total} backups`)).toBeVisible();
  });
});

test.describe('a slow Alibaba Cloud', () => {
  test.afterEach(async () => {
    await resetFaults();
  });

  test('shows the progress bar and marks the cards and facet counts as updating until the answer arrives', async ({
    page,
  }) => {
    await signIn(page, 'en');
    await page.goto(`/instances/${INSTANCES.standard}/backups?${new URLSearchParams(lastDays(7))}`);
    await expect(page.getByText(/of [\d,]+ backups/)).toBeVisible();
    const summary = page.getByRole('definition').first().locator('xpath=ancestor::dl');
    await expect(summary).not.toHaveAttribute('aria-busy', 'true');

    await setFaults({ latencyMs: 3_000, actions: ['DescribeBackups'] });
    // A range read for the first time: the answer waits on Alibaba Cloud. Other specs index this instance's
    // whole 90-day retention (the e2e index is shared), so the range is older than that: nobody reads it.
    const now = Date.now();
    const cold = {
      start: new Date(now - 200 * 86_400_000 - (now % 3_600_000)).toISOString().slice(0, 16) + 'Z',
      end: new Date(now - 193 * 86_400_000 - (now % 3_600_000)).toISOString().slice(0, 16) + 'Z',
    };
    await page.getByRole('button', { name: 'Date range' }).click();
    await page.getByLabel('Start (UTC)').fill(cold.start.slice(0, 16).replace('T', ' '));
    await page.getByLabel('End (UTC)').fill(cold.end.slice(0, 16).replace('T', ' '));
    await page.getByRole('button', { name: 'Apply range' }).click();

    await expect(page.getByRole('progressbar', { name: 'Loading backups…' })).toBeVisible();
    await expect(summary).toHaveAttribute('aria-busy', 'true');
    await expect(summary.getByText('Updating…').first()).toBeVisible();
    await page.getByRole('button', { name: 'Status', exact: true }).click();
    await expect(page.getByRole('menu').getByText('Counts are updating for the new range…')).toBeVisible();
    await page.keyboard.press('Escape');

    await expect(page.getByRole('progressbar', { name: 'Loading backups…' })).toBeHidden({ timeout: 30_000 });
    await expect(summary).not.toHaveAttribute('aria-busy', 'true');
    await resetFaults();
    const answer = await fetchBackups(page, INSTANCES.standard, cold);
    await expect(summary.getByRole('definition').first()).toHaveText(
      answer.totals.count.toLocaleString('en-US'),
    );
  });
});

test('a viewer sees why downloads are off, on the page and when pressing one', async ({ page }) => {
  await signIn(page, 'en', 'viewer');
  await page.goto(`/instances/${INSTANCES.standard}/backups`);
  await expect(
    page.getByText('Your role (viewer) can browse backups but not download them.').first(),
  ).toBeVisible();
  // aria-disabled, not disabled: a press still reaches it (Playwright would wait for it to be enabled).
  await pressUntil(
    page.getByRole('button', { name: /^Download backup / }).first(),
    () =>
      expect(
        page
          .getByRole('status')
          .filter({ hasText: 'Your role (viewer) can browse backups but not download them.' }),
      ).toBeVisible({ timeout: 1_000 }),
    { force: true },
  );
});
