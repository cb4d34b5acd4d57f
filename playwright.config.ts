import { defineConfig, devices } from '@playwright/test';
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

// E2E runs the built console against the R-kvstore emulator on loopback ports of its own, through
// the same script a person uses (`npm run demo`), in Debian's Chromium.

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4110);
const baseURL = `http://127.0.0.1:${E2E_PORT}`;

// Per-run secrets, so the secret-scan tests look for values nobody could have hard-coded. Set once
// here; the test workers inherit them.
process.env.E2E_NEXTAUTH_SECRET ??= randomBytes(32).toString('base64');
process.env.E2E_EMULATOR_SECRET ??= `e2e-secret-${randomBytes(12).toString('hex')}`;
process.env.E2E_AUDIT_DB ??= `data/e2e/audit-${Date.now()}.db`;
// A fresh backup index per run: what is cold or warm then depends on this run's tests alone, and a
// person's own `npm run demo` index is left alone.
process.env.E2E_DATA_DIR ??= `data/e2e/index-${Date.now()}`;

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    // The console follows the browser's language: the specs read English unless they ask for another.
    locale: 'en-US',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        locale: 'en-US',
        launchOptions: {
          executablePath: chromiumPath(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'npm run demo',
    url: `${baseURL}/api/health`,
    env: {
      PORT: String(E2E_PORT),
      EMULATOR_PORT: String(E2E_EMULATOR_PORT),
      NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET,
      EMULATOR_ACCESS_KEY_SECRET: process.env.E2E_EMULATOR_SECRET,
      AUDIT_DB_PATH: process.env.E2E_AUDIT_DB,
      DATA_DIR: process.env.E2E_DATA_DIR,
      // Tests that play a reverse proxy connect from this range (e2e/loopback-client.ts).
      TRUSTED_PROXIES: '127.0.2.0/24',
    },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
