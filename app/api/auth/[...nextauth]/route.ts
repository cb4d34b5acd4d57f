import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { recordAudit } from '@/lib/audit/audit-log';
import { clientAddress } from '@/lib/auth/client-address';
import { getAuthOptions } from '@/lib/auth/options';
import { signInThrottle } from '@/lib/auth/sign-in-throttle';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(req: NextRequest, context: Context) {
  return NextAuth(req, context, getAuthOptions()) as Promise<Response>;
}

/** Refuses a credentials sign-in while its username or address is throttled, before checking the password. */
async function throttled(req: NextRequest, context: Context): Promise<Response | null> {
  const { nextauth } = await context.params;
  if (nextauth.join('/') !== 'callback/credentials') return null;
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const username = String(form?.get('username') ?? '').trim();
  const address = clientAddress(req.headers);
  const wait = signInThrottle().retryAfterSeconds(username, address);
  if (wait === 0) return null;
  recordAudit({ action: 'sign_in_throttled', user: username.slice(0, 128) || null, address, status: 429 });
  // next-auth's client reads `url` from the body and the error from its query.
  return NextResponse.json(
    {
      url: `${req.nextUrl.origin}/sign-in?error=TooManyAttempts`,
      error: {
        code: 'throttled',
        message: `Too many failed sign-ins: try again in ${Math.ceil(wait / 60)} minutes.`,
      },
    },
    { status: 429, headers: { 'Retry-After': String(wait) } },
  );
}

export const GET = handler;

export async function POST(req: NextRequest, context: Context) {
  return (await throttled(req, context)) ?? handler(req, context);
}
