import { test as base, expect } from '@playwright/test';

// Every e2e test fails on a console error or an uncaught page error: a console that logs errors
// while "working" is not working.

export const test = base.extend<{ expectedConsoleErrors: RegExp[]; failOnErrors: void }>({
  // A test that provokes an error answer on purpose (a wrong password gets a 401) names it here.
  expectedConsoleErrors: [[], { option: true }],
  failOnErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !expectedConsoleErrors.some((re) => re.test(msg.text())))
          errors.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`page: ${err.message}`));
      await use();
      expect(errors, 'console or page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Tests talk to loopback services only. */
export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`refusing to test against ${host}`);
}
