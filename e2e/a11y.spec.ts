import { mkdir } from 'node:fs/promises';
import { seriousViolations } from './axe';
import { test, expect } from './fixtures';
import { listInstances, signIn } from './console-helpers';

// axe on every page of the console, in the light and the dark theme (the system theme, emulated).

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test('the sign-in page has no serious accessibility violation', async ({ page }) => {
      await page.goto('/sign-in');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the backups page and the details panel have no serious accessibility violation', async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await signIn(page, 'demo');
      const cluster = (await listInstances(page)).find((i) => i.architecture === 'cluster')!;
      await page.goto(`/instances/${cluster.instanceId}/backups?status=Failed,Success`);
      await expect(page.getByText(/of [\d,]+ backups/)).toBeVisible();
      await expect(page.locator('html')).toHaveClass(new RegExp(scheme));
      expect(await seriousViolations(page)).toEqual([]);

      // `npm run screenshots` refreshes the README's pictures; `npm test` leaves tracked files alone.
      if (process.env.SCREENSHOTS === '1') {
        await mkdir('docs/screenshots', { recursive: true });
        await page.screenshot({ path: `docs/screenshots/backups-${scheme}.png` });
      }

      // Open menus and popovers count too. A modal menu or dialog hides the page behind it from
      // assistive technology (aria-hidden), so only the open layer is checked then.
      await page.getByRole('button', { name: 'Status', exact: true }).click();
      expect(await seriousViolations(page, '[role="menu"]')).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Date range' }).click();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');

      await page
        .getByRole('button', { name: /^Details of backup / })
        .first()
        .click();
      const details = page.getByRole('dialog');
      await expect(details).toBeVisible();
      await details.getByRole('button', { name: 'Show public URL' }).click();
      await expect(details.getByRole('textbox', { name: 'Public URL' })).toBeVisible();
      expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
    });

    test('the audit log, reached from the user menu, has no serious accessibility violation', async ({
      page,
    }) => {
      await signIn(page, 'demo');
      // Wait for the console to be interactive before opening the menu.
      await expect(page.getByText(/of [\d,]+ backups?/)).toBeVisible();
      await page.getByRole('button', { name: /^Account: demo/ }).click();
      await page.getByRole('menuitem', { name: 'Audit log' }).click();
      await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
      await expect(page.getByRole('table')).toContainText('Sign-in');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the backup index, reached from the user menu, has no serious accessibility violation', async ({
      page,
    }) => {
      await signIn(page, 'demo');
      await expect(page.getByText(/of [\d,]+ backups?/)).toBeVisible();
      await page.getByRole('button', { name: /^Account: demo/ }).click();
      await page.getByRole('menuitem', { name: 'Backup index' }).click();
      await expect(page.getByRole('heading', { name: 'Backup index' })).toBeVisible();
      await expect(page.getByRole('table')).toContainText('r-bp1standard000001');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the backups page works at 375 px without overlap or page-wide scrolling', async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 800 });
      await signIn(page, 'demo');
      await expect(page.getByText(/of [\d,]+ backups/)).toBeVisible();
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
