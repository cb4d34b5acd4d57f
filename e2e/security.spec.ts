import { request } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { secrets } from './server-process';
import { apiAs, DEMO_USERS, INSTANCES, lastDays } from './session';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

test('security headers on pages and API answers', async ({ page }) => {
  const res = await page.goto('/sign-in');
  const headers = res!.headers();
  const csp = headers['content-security-policy']!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['strict-transport-security']).toContain('max-age=');

  // Next.js put the nonce on its scripts, so the page runs under the policy.
  const nonce = csp.match(/'nonce-([^']+)'/)![1]!;
  const scripts = await page
    .locator('script[src]')
    .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();

  const api = await request.newContext();
  const apiRes = await api.get('/api/instances');
  expect(apiRes.headers()['x-content-type-options']).toBe('nosniff');
  expect(apiRes.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});

test('no secret in the browser bundle', () => {
  const bundle = files(path.join('.next', 'static'));
  expect(bundle.length).toBeGreaterThan(10);
  const leaks = secrets().filter((secret) => bundle.some((f) => readFileSync(f, 'latin1').includes(secret)));
  expect(leaks).toEqual([]);
});

test('no secret in pages or API answers', async ({ page }) => {
  const admin = await apiAs(DEMO_USERS.admin);
  const range = lastDays(7);
  const { rows } = await (
    await admin.get(`/api/instances/${INSTANCES.standard}/backups`, {
      params: { ...range, status: 'Success' },
    })
  ).json();
  const answers = await Promise.all(
    [
      '/api/health',
      '/api/ready',
      '/api/instances',
      `/api/instances/${INSTANCES.standard}/backups?start=${range.start}&end=${range.end}`,
      `/api/instances/${INSTANCES.standard}/backups/${rows[0].backupId}/download?format=json`,
      '/api/audit',
      '/api/audit?format=csv',
      '/api/auth/session',
      `/api/instances/${INSTANCES.standard}/backups?start=bad`,
      '/admin/audit',
      '/',
    ].map(async (url) => (await admin.get(url)).text()),
  );
  await page.goto('/sign-in');
  answers.push(await page.content());
  for (const secret of secrets()) {
    for (const answer of answers)
      expect(answer.includes(secret), `a secret leaked into an answer`).toBe(false);
  }
});

test('a download or an export asked for by another site is refused and audited; this site’s own work', async () => {
  const admin = await apiAs(DEMO_USERS.admin);
  const range = lastDays(7);
  const { rows } = await (
    await admin.get(`/api/instances/${INSTANCES.standard}/backups`, {
      params: { ...range, status: 'Success' },
    })
  ).json();
  const download = `/api/instances/${INSTANCES.standard}/backups/${rows[0].backupId}/download`;
  const exportCsv = `/api/instances/${INSTANCES.standard}/backups/export?start=${range.start}&end=${range.end}`;
  const crossSite = { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' };
  for (const url of [download, exportCsv]) {
    const refused = await admin.get(url, { headers: crossSite, maxRedirects: 0 });
    expect(refused.status(), url).toBe(403);
    expect(refused.headers().location).toBeUndefined();
    const ours = await admin.get(url, { headers: { 'Sec-Fetch-Site': 'same-origin' }, maxRedirects: 0 });
    expect([200, 302], url).toContain(ours.status());
  }
  const denied = await (await admin.get('/api/audit', { params: { action: 'denied', user: 'demo' } })).json();
  expect(
    denied.rows.filter((r: { detail: string | null }) => r.detail?.includes('cross-site')).length,
  ).toBeGreaterThanOrEqual(2);
});

test('paths that do not percent-decode answer 400 or not found, with the security headers', async () => {
  const admin = await apiAs(DEMO_USERS.admin);
  for (const path of [
    '/api/instances/%zz/backups',
    '/instances/%zz/backups',
    '/api/auth/%zz',
    '/api/instances/x/backups/%ED%A0%80/download',
  ]) {
    // Soft: one run reports every path (the proxy decides these before any handler runs).
    const res = await admin.get(path, { maxRedirects: 0 });
    expect.soft([400, 404], `${path} answered ${res.status()}`).toContain(res.status());
    const headers = res.headers();
    expect.soft(headers['x-content-type-options'], `${path}: nosniff`).toBe('nosniff');
    expect.soft(headers['content-security-policy'], `${path}: CSP`).toContain("frame-ancestors 'none'");
  }
});
