import { request, type APIRequestContext } from '@playwright/test';

export const DEMO_USERS = { admin: 'demo', downloader: 'downloader', viewer: 'viewer' } as const;

/** Seeded instances of the emulator (see emulator/README.md). */
export const INSTANCES = {
  docExample: 'r-bp1xxxxxxxxxxxxx',
  standard: 'r-bp1standard000001',
  cluster: 'r-uf6cluster000001',
  scale: 'r-t4nscale00000001',
  rwsplit: 'r-bp1rwsplit0000001',
  incremental: 'r-bp1tairincr000001',
  cloudNative: 'r-bp1cnative000001',
  bigCluster: 'r-uf6cluster256sh1',
} as const;

export function baseUrl(): string {
  return `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does. */
export async function signInRequest(
  ctx: APIRequestContext,
  username: string,
  password = username,
  headers: Record<string, string> = {},
) {
  const { csrfToken } = (await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return ctx.post('/api/auth/callback/credentials', {
    form: { csrfToken, username, password, json: 'true', callbackUrl: '/' },
    headers,
    maxRedirects: 0,
  });
}

/** An API client signed in as a demo user. */
export async function apiAs(username: string, base = baseUrl()): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: base });
  const res = await signInRequest(ctx, username);
  if (res.status() !== 200) throw new Error(`sign-in as ${username} failed with HTTP ${res.status()}`);
  return ctx;
}

/** A range (ISO, whole minutes) ending now. */
export function lastDays(days: number): { start: string; end: string } {
  const end = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
  return { start: new Date(end.getTime() - days * 86_400_000).toISOString(), end: end.toISOString() };
}
