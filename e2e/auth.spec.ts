import { request } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { csrfFrom, loopbackAddress, proxyAddress, signInFrom } from './loopback-client';
import { apiAs, DEMO_USERS, INSTANCES, lastDays } from './session';

// Every page and route handler under app/ needs a session, except sign-in, /api/auth/*, health and readiness,
// and the metrics, which take Prometheus's bearer token instead (and do not exist without METRICS_TOKEN).

const SAMPLE_PARAMS: Record<string, string> = {
  instanceId: INSTANCES.standard,
  backupId: '1',
  nextauth: 'session',
  username: 'viewer',
};
const PUBLIC = ['/sign-in', '/api/health', '/api/ready', '/api/metrics'];

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The methods a route file exports: a POST-only route answers GET with 405 before any session check. */
function methodsOf(file: string): Method[] {
  return [
    ...readFileSync(file, 'utf8').matchAll(
      /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g,
    ),
  ].map((m) => m[1] as Method);
}

function discover(dir: string, route = ''): { pages: string[]; apis: { route: string; method: Method }[] } {
  const out = { pages: [] as string[], apis: [] as { route: string; method: Method }[] };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // Route groups `(name)` add no segment; `[param]` gets a sample value.
      const segment = entry.name.startsWith('(')
        ? ''
        : `/${entry.name.replace(/^\[\.{0,3}(\w+)\]$/, (_, p: string) => SAMPLE_PARAMS[p] ?? 'x')}`;
      const sub = discover(full, route + segment);
      out.pages.push(...sub.pages);
      out.apis.push(...sub.apis);
    } else if (/^page\.tsx?$/.test(entry.name)) out.pages.push(route || '/');
    else if (/^route\.ts$/.test(entry.name))
      out.apis.push(...methodsOf(full).map((method) => ({ route, method })));
  }
  return out;
}

const { pages, apis } = discover(path.join(process.cwd(), 'app'));

test('the discovery finds the app', () => {
  expect(pages).toEqual(expect.arrayContaining(['/', '/sign-in']));
  expect(apis.map((a) => a.route)).toEqual(
    expect.arrayContaining(['/api/instances', '/api/health', `/api/instances/${INSTANCES.standard}/backups`]),
  );
});

for (const page of pages.filter((p) => !PUBLIC.includes(p))) {
  test(`anonymous page ${page} redirects to sign-in`, async () => {
    const ctx = await request.newContext();
    const res = await ctx.get(page, { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    const location = new URL(res.headers().location!, 'http://x');
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('callbackUrl')).toBe(page);
  });
}

for (const { route, method } of apis.filter(
  (a) => !PUBLIC.includes(a.route) && !a.route.startsWith('/api/auth/'),
)) {
  test(`anonymous API ${method} ${route} answers 401`, async () => {
    const ctx = await request.newContext();
    const res = await ctx.fetch(route, { method, params: lastDays(1), maxRedirects: 0 });
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });
}

test('public routes answer without a session', async () => {
  const ctx = await request.newContext();
  expect((await ctx.get('/api/health')).status()).toBe(200);
  expect((await ctx.get('/api/ready')).status()).toBe(200);
  expect((await ctx.get('/sign-in')).status()).toBe(200);
  expect((await ctx.get('/api/auth/csrf')).status()).toBe(200);
  // The demo sets no METRICS_TOKEN: the route is off, for everyone (lib/fleet tests cover 401 and 200).
  expect((await ctx.get('/api/metrics')).status()).toBe(404);
});

test('role matrix: viewer, downloader, admin and instance scope', async () => {
  const viewer = await apiAs(DEMO_USERS.viewer);
  const downloader = await apiAs(DEMO_USERS.downloader);
  const admin = await apiAs(DEMO_USERS.admin);
  const { rows } = await (
    await viewer.get(`/api/instances/${INSTANCES.standard}/backups`, {
      params: { ...lastDays(7), status: 'Success' },
    })
  ).json();
  const backupId = rows[0].backupId as string;
  const download = `/api/instances/${INSTANCES.standard}/backups/${backupId}/download`;

  expect((await viewer.get(download, { params: { format: 'json' } })).status()).toBe(403);
  expect((await downloader.get(download, { params: { format: 'json' } })).status()).toBe(200);
  expect((await downloader.get('/api/audit')).status()).toBe(403);

  const audit = await admin.get('/api/audit', { params: { user: 'downloader', action: 'url_reveal' } });
  expect(audit.status()).toBe(200);
  const { rows: auditRows } = await audit.json();
  expect(auditRows).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        user: 'downloader',
        backupId,
        instanceId: INSTANCES.standard,
        variant: 'public',
      }),
    ]),
  );

  // The downloader's scope is r-bp1*: other instances do not exist for them.
  const { instances } = await (await downloader.get('/api/instances')).json();
  expect(instances.every((i: { instanceId: string }) => i.instanceId.startsWith('r-bp1'))).toBe(true);
  const outOfScope = await downloader.get(`/api/instances/${INSTANCES.cluster}/backups`, {
    params: lastDays(7),
  });
  expect(outOfScope.status()).toBe(404);
  expect(
    (await admin.get(`/api/instances/${INSTANCES.cluster}/backups`, { params: lastDays(7) })).status(),
  ).toBe(200);
});

test('denied requests and sign-ins are audited', async () => {
  const viewer = await apiAs(DEMO_USERS.viewer);
  await viewer.get('/api/audit');
  const admin = await apiAs(DEMO_USERS.admin);
  const denied = await (
    await admin.get('/api/audit', { params: { action: 'denied', user: 'viewer' } })
  ).json();
  expect(denied.rows[0]).toMatchObject({
    action: 'denied',
    user: 'viewer',
    status: 403,
    detail: 'GET /api/audit',
  });
  const signIns = await (
    await admin.get('/api/audit', { params: { action: 'sign_in', user: 'viewer' } })
  ).json();
  expect(signIns.total).toBeGreaterThan(0);
});

async function auditRows(params: Record<string, string>): Promise<{ address: string; detail: string }[]> {
  const admin = await apiAs(DEMO_USERS.admin);
  const { rows } = await (await admin.get('/api/audit', { params: { pageSize: '500', ...params } })).json();
  return rows;
}

test('a spoofed X-Forwarded-For neither locks out the real user nor hides the address', async () => {
  const attacker = loopbackAddress();
  for (let i = 0; i < 10; i++) {
    const res = await signInFrom(attacker, 'demo', 'wrong', {
      headers: { 'X-Forwarded-For': `198.51.100.${i + 1}` },
    });
    expect([401, 429]).toContain(res.status);
  }
  const real = await signInFrom(loopbackAddress(), 'demo', 'demo');
  expect(real.status).toBe(200);
  expect(real.cookie).toContain('session-token');
  // The attacker's own address failed, and only that address is throttled for demo.
  expect((await signInFrom(attacker, 'demo', 'demo')).status).toBe(429);
  const addresses = new Set(
    (await auditRows({ action: 'sign_in_failed', user: 'demo' })).map((r) => r.address),
  );
  expect(addresses).toContain(attacker);
  expect([...addresses].filter((a) => a.startsWith('198.51.100.'))).toEqual([]);
});

test('the client address is the socket, or the right-most untrusted X-Forwarded-For hop from a trusted proxy', async () => {
  const user = `ghost-${Date.now()}`;
  const proxy = proxyAddress();
  await signInFrom(proxy, user, 'wrong', {
    headers: { 'X-Forwarded-For': '203.0.113.9, 198.51.100.23, 127.0.2.77' },
  });
  const direct = loopbackAddress();
  await signInFrom(direct, user, 'wrong', {
    headers: { 'X-Forwarded-For': '203.0.113.10', 'X-KVB-Remote-Address': '127.0.2.5' },
  });
  const addresses = (await auditRows({ action: 'sign_in_failed', user })).map((r) => r.address);
  expect(addresses.sort()).toEqual([direct, '198.51.100.23'].sort());
});

test('guesses are limited per username and address and per address; a right password from elsewhere works', async () => {
  const attacker = loopbackAddress();
  const user = `ghost-${Date.now()}`;
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) statuses.push((await signInFrom(attacker, user, 'wrong')).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  const blocked = await signInFrom(attacker, user, 'wrong');
  expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  expect((await auditRows({ action: 'sign_in_throttled', user })).length).toBe(4);

  // Spraying usernames from one address: after 30 failures that address waits, even with a right password.
  const sprayer = loopbackAddress();
  for (let i = 0; i < 30; i++)
    expect((await signInFrom(sprayer, `spray-${Date.now()}-${i}`, 'wrong')).status).toBe(401);
  expect((await signInFrom(sprayer, 'viewer', 'viewer')).status).toBe(429);
  expect((await signInFrom(loopbackAddress(), 'viewer', 'viewer')).status).toBe(200);
});

test('a JSON sign-in with a non-string username or password gets a plain error, audited and throttled', async () => {
  const source = loopbackAddress();
  const csrf = await csrfFrom(source);
  const tries: [unknown, unknown][] = [
    [['viewer'], 'viewer'],
    ['viewer', 12345],
    [{ name: 'viewer' }, ['viewer']],
  ];
  for (const [username, password] of tries) {
    const res = await signInFrom(source, username, password, { json: true, csrf });
    expect(res.status).toBe(401);
    const url = new URL((JSON.parse(res.body) as { url: string }).url);
    expect(url.searchParams.get('error')).toBe('CredentialsSignin');
    expect([...url.searchParams.keys()].sort()).toEqual(['error', 'provider']);
  }
  const audited = (await auditRows({ action: 'sign_in_failed' })).filter((r) => r.address === source);
  expect(audited).toHaveLength(3);
  // Array usernames count like any other failure: the fifth from one address for one name is the last.
  const more: number[] = [];
  for (let i = 0; i < 5; i++)
    more.push((await signInFrom(source, ['viewer'], 'x', { json: true, csrf })).status);
  expect(more).toEqual([401, 401, 401, 429, 429]);
});

test('a flood of sign-ins beyond the password-hashing queue answers 429 with Retry-After', async () => {
  const proxy = proxyAddress();
  const csrf = await csrfFrom(proxy);
  const run = Date.now();
  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      signInFrom(proxy, `flood-${run}-${i}`, 'wrong', {
        csrf,
        headers: { 'X-Forwarded-For': `10.${(run >> 8) & 255}.${i >> 8}.${i & 255}` },
      }),
    ),
  );
  const busy = answers.filter((a) => a.status === 429);
  expect(answers.filter((a) => a.status !== 401 && a.status !== 429)).toEqual([]);
  expect(busy.length).toBeGreaterThan(0);
  expect(answers.filter((a) => a.status === 401).length).toBeGreaterThan(0);
  expect(Number(busy[0]!.headers['retry-after'])).toBeGreaterThan(0);
  // The queue drains and a person signs in.
  await expect
    .poll(async () => (await signInFrom(loopbackAddress(), 'viewer', 'viewer')).status, { timeout: 15_000 })
    .toBe(200);
});

test('the sign-in callback never leaves the site', async ({ page }) => {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent('/.//evil.example/steal')}`);
  await page.getByLabel('Username').fill('viewer');
  await page.getByLabel('Password').fill('viewer');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  expect(new URL(page.url()).origin).toBe(new URL(test.info().project.use.baseURL!).origin);

  const ctx = await request.newContext();
  const { csrfToken } = await (await ctx.get('/api/auth/csrf')).json();
  const res = await ctx.post('/api/auth/callback/credentials', {
    form: {
      csrfToken,
      username: 'viewer',
      password: 'viewer',
      json: 'true',
      callbackUrl: '//evil.example/x',
    },
  });
  expect(new URL((await res.json()).url).host).toBe(new URL(test.info().project.use.baseURL!).host);
});

test.describe('a failed sign-in', () => {
  test.use({ expectedConsoleErrors: [/status of 401 \(Unauthorized\)/] });

  test('shows an error and keeps the person on sign-in', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2F/);
    await page.getByLabel('Username').fill(`nobody-${Date.now()}`);
    await page.getByLabel('Password').fill('nope');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Wrong username or password.')).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
