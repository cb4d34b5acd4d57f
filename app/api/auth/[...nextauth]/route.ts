import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { recordAudit } from '@/lib/audit/audit-log';
import { clientAddress } from '@/lib/auth/client-address';
import { getAuthOptions, TOO_MANY_ATTEMPTS } from '@/lib/auth/options';
import { signInThrottle } from '@/lib/auth/sign-in-throttle';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(req: NextRequest, context: Context) {
  return NextAuth(req, context, getAuthOptions()) as Promise<Response>;
}

/** The username of a credentials sign-in, read the way next-auth reads the body (JSON or form). */
async function usernameOf(req: NextRequest): Promise<string> {
  const copy = req.clone();
  const body: unknown = req.headers.get('content-type')?.includes('application/json')
    ? await copy.json().catch(() => null)
    : Object.fromEntries((await copy.formData().catch(() => new FormData())).entries());
  const username = (body as { username?: unknown } | null)?.username;
  return typeof username === 'string' ? username : '';
}

function tooManyAttempts(req: NextRequest, wait: number): Response {
  // next-auth's client reads `url` from the body and the error from its query.
  return NextResponse.json(
    {
      url: `${req.nextUrl.origin}/sign-in?error=${TOO_MANY_ATTEMPTS}`,
      error: {
        code: 'throttled',
        message: `Too many failed sign-ins: try again in ${Math.ceil(wait / 60)} minutes.`,
      },
    },
    { status: 429, headers: { 'Retry-After': String(wait) } },
  );
}

export const GET = handler;

// A throttled credentials sign-in answers 429 before any password is checked. The credentials
// provider enforces the same throttle again, so this is about the status code, not the security.
export async function POST(req: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join('/') === 'callback/credentials') {
    const username = await usernameOf(req);
    const address = clientAddress(req.headers);
    const wait = signInThrottle().retryAfterSeconds(username, address);
    if (wait > 0) {
      recordAudit({
        action: 'sign_in_throttled',
        user: username.trim().slice(0, 128) || null,
        address,
        status: 429,
      });
      return tooManyAttempts(req, wait);
    }
  }
  const res = await handler(req, context);
  // A race past the check above ends in authorize's TooManyAttempts: answer that as a 429 too.
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
  if (target.includes(`error=${TOO_MANY_ATTEMPTS}`)) {
    return tooManyAttempts(
      req,
      Math.max(1, signInThrottle().retryAfterSeconds(await usernameOf(req), clientAddress(req.headers))),
    );
  }
  return res;
}
