import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { recordAuditSoon } from '@/lib/audit/audit-log';
import { passwordHashQueue, SIGN_IN_ERROR } from './check-credentials';
import { clientAddress } from './client-address';
import { signInThrottle } from './sign-in-throttles';

// The credentials sign-in route around next-auth: a throttled or over-busy sign-in answers 429 with
// Retry-After before anything is parsed twice or hashed. `authorize` enforces the same rules again
// (check-credentials.ts), so this is about the status code and the cost, not the security.

/** The username of a credentials sign-in, read the way next-auth reads the body (JSON or form). */
async function usernameOf(req: NextRequest): Promise<string> {
  const copy = req.clone();
  const body: unknown = req.headers.get('content-type')?.includes('application/json')
    ? await copy.json().catch(() => null)
    : Object.fromEntries((await copy.formData().catch(() => new FormData())).entries());
  const username = (body as { username?: unknown } | null)?.username;
  return typeof username === 'string' ? username.trim() : '';
}

function wait(seconds: number): string {
  return seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

function tooMany(req: NextRequest, code: string, seconds: number): Response {
  const message =
    code === SIGN_IN_ERROR.busy
      ? `The server is busy checking other sign-ins: try again in ${wait(seconds)}.`
      : `Too many failed sign-ins: try again in ${wait(seconds)}.`;
  // next-auth's client reads `url` from the body and the error from its query.
  return NextResponse.json(
    { url: `${req.nextUrl.origin}/sign-in?error=${code}`, error: { code: 'throttled', message } },
    { status: 429, headers: { 'Retry-After': String(seconds) } },
  );
}

/** A 429 when this sign-in must wait, else null (go on to next-auth). */
export async function refuseBeforeSignIn(req: NextRequest): Promise<Response | null> {
  const username = await usernameOf(req);
  const address = clientAddress(req.headers);
  const user = username.slice(0, 128) || null;
  const queue = passwordHashQueue();
  if (queue.isFull()) {
    recordAuditSoon({ action: 'sign_in_throttled', user, address, status: 429, detail: 'server busy' });
    return tooMany(req, SIGN_IN_ERROR.busy, queue.retryAfterSeconds());
  }
  const seconds = await signInThrottle().retryAfterSeconds(username, address);
  if (seconds === 0) return null;
  recordAuditSoon({ action: 'sign_in_throttled', user, address, status: 429 });
  return tooMany(req, SIGN_IN_ERROR.throttled, seconds);
}

/** next-auth's answer, with a throttled or busy `authorize` (a race past the check above) made a 429. */
export async function answerSignIn(req: NextRequest, res: Response): Promise<Response> {
  const target =
    res.headers.get('location') ??
    (res.headers.get('content-type')?.includes('application/json')
      ? ((
          (await res
            .clone()
            .json()
            .catch(() => null)) as { url?: string } | null
        )?.url ?? '')
      : '');
  const error = URL.canParse(target) ? new URL(target).searchParams.get('error') : null;
  if (error === SIGN_IN_ERROR.busy) return tooMany(req, error, passwordHashQueue().retryAfterSeconds());
  if (error === SIGN_IN_ERROR.throttled) {
    const seconds = await signInThrottle().retryAfterSeconds(
      await usernameOf(req),
      clientAddress(req.headers),
    );
    return tooMany(req, error, Math.max(1, seconds));
  }
  return res;
}
