import { verifyPassword } from './password';
import type { UserEntry } from './users-file';

// What keeps the server from starting outside demo mode. Each problem says exactly what to fix.

export const DEMO_USERNAMES = ['demo', 'downloader', 'viewer'] as const;
const COMMON_PASSWORDS = ['password', 'admin', 'changeme', 'demo', '12345678'];

/** For a password already known to be right: would the start-up check refuse this user? */
export function isDemoOrDefault(username: string, password: string): boolean {
  return (
    (DEMO_USERNAMES as readonly string[]).includes(username) ||
    password === username ||
    COMMON_PASSWORDS.includes(password)
  );
}

export interface AuthSetup {
  demo: boolean;
  secret: string | undefined;
  usersFile: string | undefined;
  users: UserEntry[];
  oidcConfigured: boolean;
  /** server.ts is in front and passes each request's socket address (see lib/net/remote-address-header.ts). */
  clientAddressKnown: boolean;
}

export async function authSetupProblems(setup: AuthSetup): Promise<string[]> {
  const problems: string[] = [];
  if (!setup.secret) {
    problems.push(
      'NEXTAUTH_SECRET is not set: set it to a random string of at least 32 characters (openssl rand -base64 32).',
    );
  } else if (setup.secret.length < 32) {
    problems.push(
      'NEXTAUTH_SECRET is shorter than 32 characters: use a random string of at least 32 characters.',
    );
  }
  if (!setup.clientAddressKnown) {
    problems.push(
      'Started without server.ts, so client addresses are unknown (sign-in throttle, audit log): start the console with npm start, not next start.',
    );
  }
  if (setup.demo) return problems;

  if (!setup.usersFile && !setup.oidcConfigured) {
    problems.push(
      'No way to sign in: set AUTH_USERS_FILE (npm run user:add) or OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.',
    );
  }
  for (const user of setup.users) {
    if ((DEMO_USERNAMES as readonly string[]).includes(user.username)) {
      problems.push(
        `${setup.usersFile}: user "${user.username}" is a demo user; demo users are allowed only in npm run demo. Remove it.`,
      );
      continue;
    }
    for (const candidate of [user.username, ...COMMON_PASSWORDS]) {
      if (await verifyPassword(candidate, user.passwordHash)) {
        problems.push(
          `${setup.usersFile}: user "${user.username}" has a default password; set a new one with npm run user:add -- ${user.username} --role ${user.role}.`,
        );
        break;
      }
    }
  }
  return problems;
}
