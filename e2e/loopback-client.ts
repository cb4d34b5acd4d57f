import http from 'node:http';
import { baseUrl } from './session';

// Requests from a chosen loopback address (127.0.0.0/8 all reaches this host), so a test can be a
// client, an attacker or a proxy with an address of its own, the way the server's socket sees it.

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A fresh 127.x.y.z, away from 127.0.0.1 (the browser's) and 127.0.2.0/24 (the trusted proxy). */
export function loopbackAddress(): string {
  const byte = () => 1 + Math.floor(Math.random() * 250);
  return `127.${10 + Math.floor(Math.random() * 200)}.${byte()}.${byte()}`;
}

/** The e2e console trusts this range as its reverse proxy (TRUSTED_PROXIES in playwright.config.ts). */
export function proxyAddress(): string {
  return `127.0.2.${1 + Math.floor(Math.random() * 250)}`;
}

export function requestFrom(
  source: string,
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
    base = baseUrl(),
  }: { method?: string; headers?: Record<string, string>; body?: string; base?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(path, base),
      { method, headers, localAddress: source, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function cookiesOf(answer: Answer): string[] {
  return (answer.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);
}

/** A CSRF token and its cookie, which next-auth wants with every sign-in (reusable). */
export async function csrfFrom(source: string, base = baseUrl()): Promise<{ token: string; cookie: string }> {
  const answer = await requestFrom(source, '/api/auth/csrf', { base });
  return {
    token: (JSON.parse(answer.body) as { csrfToken: string }).csrfToken,
    cookie: cookiesOf(answer).join('; '),
  };
}

/**
 * A credentials sign-in from `source`, as the form sends it (or as JSON with `json: true`, which lets a
 * caller send values that are not strings). The answer's `cookie` is the session, when one was set.
 */
export async function signInFrom(
  source: string,
  username: unknown,
  password: unknown,
  {
    headers = {},
    json = false,
    csrf,
    base = baseUrl(),
  }: {
    headers?: Record<string, string>;
    json?: boolean;
    csrf?: { token: string; cookie: string };
    base?: string;
  } = {},
): Promise<Answer & { cookie: string }> {
  const { token, cookie } = csrf ?? (await csrfFrom(source, base));
  const fields = { csrfToken: token, username, password, json: 'true', callbackUrl: '/' };
  const answer = await requestFrom(source, '/api/auth/callback/credentials', {
    method: 'POST',
    base,
    headers: {
      cookie,
      'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
      ...headers,
    },
    body: json ? JSON.stringify(fields) : new URLSearchParams(fields as Record<string, string>).toString(),
  });
  return { ...answer, cookie: cookiesOf(answer).join('; ') };
}
