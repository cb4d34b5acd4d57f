import { request } from '@playwright/test';
import { signIn } from './console-helpers';
import { expect, test } from './fixtures';
import { apiAs, DEMO_USERS, INSTANCES } from './session';

// Signing out ends a session on the server: a copied cookie is refused afterwards, by pages and the
// API alike, and an admin can end every session of a user.

test('signing out ends the session on the server, for the API', async () => {
  const ctx = await apiAs(DEMO_USERS.viewer);
  const copied = await ctx.storageState();
  expect((await ctx.get('/api/instances')).status()).toBe(200);
  const { csrfToken } = (await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string };
  expect((await ctx.post('/api/auth/signout', { form: { csrfToken, json: 'true' } })).status()).toBe(200);

  const replay = await request.newContext({ storageState: copied });
  expect((await replay.get('/api/instances')).status()).toBe(401);
  expect(await (await replay.get('/api/auth/session')).json()).toEqual({});
  const page = await replay.get('/', { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(new URL(page.headers().location!, 'http://x').pathname).toBe('/sign-in');
});

test('signing out from the menu ends the session for pages too', async ({ page, context }) => {
  await signIn(page, DEMO_USERS.viewer);
  await page.goto(`/instances/${INSTANCES.standard}/backups`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('backups');
  const copied = await context.cookies();
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);

  await context.addCookies(copied);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('an admin signs a user out everywhere; only an admin may, and it is audited', async () => {
  const first = await apiAs(DEMO_USERS.downloader);
  const second = await apiAs(DEMO_USERS.downloader);
  expect((await first.get('/api/instances')).status()).toBe(200);

  const viewer = await apiAs(DEMO_USERS.viewer);
  expect((await viewer.post(`/api/admin/users/${DEMO_USERS.downloader}/sign-out`)).status()).toBe(403);

  const admin = await apiAs(DEMO_USERS.admin);
  const res = await admin.post(`/api/admin/users/${DEMO_USERS.downloader}/sign-out`);
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ username: DEMO_USERS.downloader });
  expect((await first.get('/api/instances')).status()).toBe(401);
  expect((await second.get('/api/instances')).status()).toBe(401);
  // Signing in again starts a new session.
  expect((await (await apiAs(DEMO_USERS.downloader)).get('/api/instances')).status()).toBe(200);

  const { rows } = await (
    await admin.get('/api/audit', { params: { action: 'sessions_revoked', user: DEMO_USERS.admin } })
  ).json();
  expect(rows[0]).toMatchObject({ action: 'sessions_revoked', user: DEMO_USERS.admin, status: 200 });
  expect(rows[0].detail).toContain(DEMO_USERS.downloader);
  expect((await admin.post('/api/admin/users/not%20a%20name/sign-out')).status()).toBe(400);
});

test('/admin/sessions lists recent sign-ins and signs a user out everywhere', async ({ page }) => {
  const victim = await apiAs(DEMO_USERS.viewer);
  await signIn(page, DEMO_USERS.admin);
  await page.goto('/admin/sessions');
  await expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(`^${DEMO_USERS.viewer}\\b`) });
  await row.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByRole('status')).toContainText(`Signed ${DEMO_USERS.viewer} out everywhere`);
  expect((await victim.get('/api/instances')).status()).toBe(401);
});
