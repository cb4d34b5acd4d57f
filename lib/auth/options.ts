import 'server-only';
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { recordAudit } from '@/lib/audit/audit-log';
import { getConfig } from '@/lib/config';
import { clientAddress } from './client-address';
import { groupsFromClaims, parsePairs, parseRoleMap, roleForGroups, scopeForGroups } from './oidc-mapping';
import { verifyPassword } from './password';
import { safeCallbackPath } from './same-site';
import { signInThrottle } from './sign-in-throttle';
import { isDemoOrDefault } from './startup-check';
import { readUsersFile } from './users-file';

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
// Spend about the same time on an unknown user as on a wrong password, so names can't be probed.
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==';

/** Thrown from `authorize`; next-auth turns it into `?error=TooManyAttempts`. */
export const TOO_MANY_ATTEMPTS = 'TooManyAttempts';

async function authorizeCredentials(
  credentials: Record<string, string> | undefined,
  headers: Record<string, string | string[] | undefined>,
): Promise<User | null> {
  const username = credentials?.username?.trim() ?? '';
  const password = credentials?.password ?? '';
  const address = clientAddress(headers);
  // The throttle is enforced here, whatever the body's content type or the route in front did.
  const attempt = signInThrottle().begin(username, address);
  if (!attempt) {
    recordAudit({ action: 'sign_in_throttled', user: username.slice(0, 128) || null, address, status: 429 });
    throw new Error(TOO_MANY_ATTEMPTS);
  }
  const { KVSTORE_DEMO, AUTH_USERS_FILE } = getConfig();
  const entry =
    AUTH_USERS_FILE && username
      ? readUsersFile(AUTH_USERS_FILE).find((u) => u.username === username)
      : undefined;
  const ok = await verifyPassword(password, entry?.passwordHash ?? DUMMY_HASH);
  // The users file is re-read at each sign-in, so the start-up rules apply here too.
  const refused = !KVSTORE_DEMO && entry !== undefined && isDemoOrDefault(entry.username, password);
  if (!entry || !ok || refused) {
    recordAudit({
      action: 'sign_in_failed',
      user: username.slice(0, 128) || null,
      address,
      status: 401,
      detail: refused ? 'demo user or default password outside demo mode' : null,
    });
    return null;
  }
  attempt.succeeded();
  recordAudit({ action: 'sign_in', user: entry.username, role: entry.role, address, status: 200 });
  return { id: entry.username, name: entry.username, role: entry.role, scope: entry.scope ?? null };
}

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
    callbacks: {
      signIn({ user, account }) {
        if (account?.provider === 'oidc') {
          const allowed = Boolean(user.role);
          recordAudit({
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
      jwt({ token, user }) {
        if (user) {
          token.name = user.name;
          token.role = user.role;
          token.scope = user.scope ?? null;
        }
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
