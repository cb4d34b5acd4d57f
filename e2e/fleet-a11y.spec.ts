import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { seriousViolations } from './axe';
import { signIn } from './console-helpers';
import { expect, test } from './fixtures';

// axe on the fleet page and the backups page's health header, in both languages and both themes. The words
// come from the message files, so the test follows the copy.

type FleetMessages = {
  title: string;
  reason: { policy_not_read: string; not_indexed: string };
  header: { label: string };
  chart: { summary: string };
};

const messages = (lang: string) =>
  JSON.parse(readFileSync(`lib/i18n/messages/${lang}/fleet.json`, 'utf8')) as FleetMessages;

for (const lang of ['en', 'zh-CN'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the fleet page and the health header have no serious accessibility violation (${lang}, ${scheme})`, async ({
      page,
      context,
    }) => {
      // Waits for the warmer's first round on a fresh index, then two axe runs.
      test.slow();
      const m = messages(lang);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1440, height: 900 });
      await signIn(page, 'demo');
      await context.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: page.url() }]);
      await page.goto('/');
      await expect(page.getByRole('heading', { name: m.title })).toBeVisible();
      await expect(page.locator('html')).toHaveClass(new RegExp(scheme));
      // Every instance judged: nothing left waiting for its first sync or its policy.
      await expect
        .poll(
          async () => {
            await page.reload();
            return page.getByText(m.reason.not_indexed).or(page.getByText(m.reason.policy_not_read)).count();
          },
          { timeout: 150_000, intervals: [2_000, 5_000] },
        )
        .toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      if (process.env.SCREENSHOTS === '1' && lang === 'en') {
        await mkdir('docs/screenshots', { recursive: true });
        await page.screenshot({ path: `docs/screenshots/fleet-${scheme}.png` });
      }
      await page.getByRole('link', { name: 'events-cluster', exact: true }).click();
      const header = page.getByRole('region', { name: m.header.label });
      const chartName = m.chart.summary.slice(0, m.chart.summary.indexOf('{'));
      await expect(header.getByRole('img', { name: new RegExp(`^${chartName}`) })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      if (process.env.SCREENSHOTS === '1' && lang === 'en')
        await header.screenshot({ path: `docs/screenshots/backups-header-${scheme}.png` });
    });
  }
}
