import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { test, expect } from './fixtures';
import { listInstances } from './console-helpers';

// axe on every page of the console, in both languages and both themes (the system theme, emulated).
// `npm run screenshots` (SCREENSHOTS=1) also refreshes the README's pictures; `npm test` never does.

const WORDS = {
  en: {
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    shown: /of [\d,]+ backups?/,
    status: 'Status',
    range: 'Date range',
    details: /^Details of backup /,
    showUrl: 'Show public URL',
    publicUrl: 'Public URL',
    account: /^Account: demo/,
    audit: 'Audit log',
    signInRow: 'Sign-in',
    index: 'Backup index',
    sessions: 'Sessions',
    timeZone: /^Time zone:/,
  },
  'zh-CN': {
    username: '用户名',
    password: '密码',
    signIn: '登录',
    shown: /^第 [\d,–]+ 个，共 [\d,]+ 个备份$/,
    status: '状态',
    range: '时间范围',
    details: /^备份 \d+ 的详情$/,
    showUrl: '显示外网下载地址',
    publicUrl: '外网下载地址',
    account: /^账号：demo/,
    audit: '审计日志',
    signInRow: '登录',
    index: '备份索引',
    sessions: '会话',
    timeZone: /^时区：/,
  },
} as const;

type Lang = keyof typeof WORDS;

async function signIn(page: Page, lang: Lang) {
  const w = WORDS[lang];
  await page.goto('/sign-in');
  await page.getByLabel(w.username).fill('demo');
  await page.getByLabel(w.password).fill('demo');
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

async function screenshot(page: Page, name: string) {
  if (process.env.SCREENSHOTS !== '1') return;
  await mkdir('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

for (const lang of ['en', 'zh-CN'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${lang}, ${scheme} theme`, () => {
      const w = WORDS[lang];
      const suffix = lang === 'en' ? scheme : `${scheme}-${lang}`;
      test.use({ locale: lang });
      test.beforeEach(async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
      });

      test('the sign-in page has no serious accessibility violation', async ({ page }) => {
        await page.goto('/sign-in');
        await expect(page.getByRole('button', { name: w.signIn, exact: true })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });

      test('the backups page, its menus, popovers and details have no serious accessibility violation', async ({
        page,
      }) => {
        // Five axe runs on a shared two-core machine.
        test.slow();
        await page.setViewportSize({ width: 1280, height: 900 });
        await signIn(page, lang);
        const cluster = (await listInstances(page)).find((i) => i.architecture === 'cluster')!;
        await page.goto(`/instances/${cluster.instanceId}/backups?status=Failed,Success`);
        // A range the index reads for the first time fills in as its sync goes.
        await expect(page.getByText(w.shown)).toBeVisible({ timeout: 30_000 });
        await expect(page.locator('html')).toHaveClass(new RegExp(scheme));
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `backups-${suffix}`);

        // Open menus and popovers count too. A modal menu or dialog hides the page behind it from
        // assistive technology (aria-hidden), so only the open layer is checked then.
        await page.getByRole('button', { name: w.status, exact: true }).click();
        await expect(page.getByRole('menuitemcheckbox').first()).toBeVisible();
        expect(await seriousViolations(page, '[role="menu"]')).toEqual([]);
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: w.range }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expect(page.locator('.rdp-root')).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: w.timeZone }).click();
        await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');

        await page.getByRole('button', { name: w.details }).first().click();
        const details = page.getByRole('dialog');
        await expect(details).toBeVisible();
        await details.getByRole('button', { name: w.showUrl }).click();
        await expect(details.getByRole('textbox', { name: w.publicUrl })).toBeVisible();
        expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
      });

      test('the admin pages, reached from the user menu, have no serious accessibility violation', async ({
        page,
      }) => {
        await signIn(page, lang);
        // Wait for the console to be interactive before opening the menu.
        await expect(page.getByText(w.shown)).toBeVisible({ timeout: 30_000 });
        await page.getByRole('button', { name: w.account }).click();
        await page.getByRole('menuitem', { name: w.audit }).click();
        await expect(page.getByRole('heading', { name: w.audit })).toBeVisible();
        await expect(page.getByRole('table')).toContainText(w.signInRow);
        expect(await seriousViolations(page)).toEqual([]);

        await page.getByRole('button', { name: w.account }).click();
        await page.getByRole('menuitem', { name: w.index }).click();
        await expect(page.getByRole('heading', { name: w.index })).toBeVisible();
        await expect(page.getByRole('table')).toContainText('r-bp1standard000001');
        expect(await seriousViolations(page)).toEqual([]);

        await page.getByRole('button', { name: w.account }).click();
        await page.getByRole('menuitem', { name: w.sessions }).click();
        await expect(page.getByRole('heading', { name: w.sessions })).toBeVisible();
        await expect(page.getByRole('table')).toContainText('demo');
        expect(await seriousViolations(page)).toEqual([]);
      });

      test('the backups page works at 375 px without overlap or page-wide scrolling', async ({ page }) => {
        await page.setViewportSize({ width: 375, height: 800 });
        await signIn(page, lang);
        await expect(page.getByText(w.shown)).toBeVisible({ timeout: 30_000 });
        const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `backups-phone-${suffix}`);
      });
    });
  }
}
