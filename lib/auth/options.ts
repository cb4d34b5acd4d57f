import 'server-only';
import { randomUUID } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { recordAudit } from '@/lib/audit/audit-log';
import { getConfig } from '@/lib/config';
import { authorizeCredentials } from './check-credentials';
import { groupsFromClaims, parsePairs, parseRoleMap, roleForGroups, scopeForGroups } from './oidc-mapping';
import { revocations, SESSION_MAX_AGE_SECONDS } from './revocations';
import { safeCallbackPath } from './same-site';
import { sessionJwt } from './session-jwt';

/** Thrown from the jwt callback for a revoked session; next-auth then treats the session as none. */
const SESSION_REVOKED = 'SessionRevoked';

function oidcProvider(): OAuthConfig<Record<string, unknown>> | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = getConfig();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return {
    id: 'oidc',
    name: 'Single sign-on',
    type: 'oauth',
    wellKnown: `${OIDC_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid profile email groups' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile(profile) {
      const { OIDC_GROUPS_CLAIM, OIDC_ROLE_MAP, OIDC_SCOPE_MAP } = getConfig();
      const groups = groupsFromClaims(profile, OIDC_GROUPS_CLAIM);
      const name = String(profile.preferred_username ?? profile.email ?? profile.sub);
      return {
        id: String(profile.sub),
        name,
        role: roleForGroups(groups, parseRoleMap(OIDC_ROLE_MAP)) ?? undefined,
        scope: scopeForGroups(groups, parsePairs(OIDC_SCOPE_MAP, 'OIDC_SCOPE_MAP')),
      };
    },
  };
}

export function isOidcConfigured(): boolean {
  return oidcProvider() !== null;
}

export function getAuthOptions(): NextAuthOptions {
  const oidc = oidcProvider();
  return {
    secret: getConfig().NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: sessionJwt,
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Username and password',
        credentials: {
          username: { label: 'Username', type: 'text' },
          password: { label: 'Password', type: 'password' },
        },
        authorize: (credentials, req) => authorizeCredentials(credentials, req.headers ?? {}),
      }),
      ...(oidc ? [oidc] : []),
    ],
    events: {
      async signOut({ token }) {
        // The cookie is gone from this browser; revoking ends it wherever else it was copied to.
        if (!token?.sid) return;
        const expiresAt = (token.exp as number | undefined) ?? Date.now() / 1000 + SESSION_MAX_AGE_SECONDS;
        await revocations().revokeSession(token.sid, expiresAt * 1000);
        await recordAudit({
          action: 'sign_out',
          user: token.name ?? null,
          role: token.role ?? null,
          status: 200,
        });
      },
    },
    logger: {
      error(code, metadata) {
        // A revoked session is refused on purpose; that is no error worth a log line.
        if (code === 'JWT_SESSION_ERROR' && (metadata as Error | undefined)?.message === SESSION_REVOKED)
          return;
        console.error(`[next-auth][error][${code}]`, metadata instanceof Error ? metadata.message : metadata);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider === 'oidc') {
          const allowed = Boolean(user.role);
          await recordAudit({
            action: allowed ? 'sign_in' : 'sign_in_failed',
            user: user.name ?? null,
            role: user.role ?? null,
            status: allowed ? 200 : 403,
            detail: allowed ? 'oidc' : 'oidc: no group maps to a role',
          });
          return allowed;
        }
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          token.name = user.name;
          token.role = user.role;
          token.scope = user.scope ?? null;
          token.sid = randomUUID();
          token.signedInAt = Date.now();
          return token;
        }
        // Every decoded session passes here (getServerSession, /api/auth/session): refuse a revoked one.
        if (await revocations().check(token)) throw new Error(SESSION_REVOKED);
        return token;
      },
      session({ session, token }) {
        session.user = {
          name: token.name ?? 'unknown',
          role: token.role ?? 'viewer',
          scope: token.scope ?? null,
        };
        return session;
      },
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, new URL(baseUrl).origin)}`;
      },
    },
  };
}
