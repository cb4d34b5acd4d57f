import { withAuth, type NextRequestWithAuth } from 'next-auth/middleware';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { isRevokedInProxy } from '@/lib/auth/revoked-in-proxy';
import { decodeSessionToken } from '@/lib/auth/session-jwt';
import { contentSecurityPolicy } from '@/lib/security-headers';

// Pages need a session that is not revoked (other visits go to sign-in, keeping the target as the callback); API
// routes pass through and answer 401 themselves, so they never get an HTML redirect. Every answer,
// sign-in included, gets a per-request CSP nonce.

const PUBLIC_PAGES = ['/sign-in'];

const requireSession = withAuth({
  pages: { signIn: '/sign-in' },
  jwt: { decode: decodeSessionToken },
  callbacks: { authorized: ({ token }) => token !== null && !isRevokedInProxy(token) },
});

function isPublic(pathname: string): boolean {
  return pathname.startsWith('/api/') || PUBLIC_PAGES.includes(pathname);
}

function withSecurityHeaders(req: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  // The proxy sits outside lib/config (it must not import server-only code); it reads one value.
  const issuer = process.env.OIDC_ISSUER;
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === 'development',
    formTargets: issuer && URL.canParse(issuer) ? [new URL(issuer).origin] : [],
  });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('Content-Security-Policy', csp);
  return res;
}

export default async function proxy(req: NextRequest, event: NextFetchEvent): Promise<Response> {
  if (!isPublic(req.nextUrl.pathname)) {
    const redirect = await requireSession(req as NextRequestWithAuth, event);
    if (redirect) return redirect;
  }
  return withSecurityHeaders(req);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
