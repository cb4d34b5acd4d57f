import 'server-only';
import { getConfig } from '@/lib/config';
import { isOidcConfigured } from './options';
import { authSetupProblems } from './startup-check';
import { readUsersFile, type UserEntry } from './users-file';

/** Runs once when the server starts: refuses to serve with an unsafe sign-in setup, saying exactly why. */
export async function checkStartup(): Promise<void> {
  const problems: string[] = [];
  let users: UserEntry[] = [];
  try {
    const config = getConfig();
    if (config.AUTH_USERS_FILE) users = readUsersFile(config.AUTH_USERS_FILE);
    problems.push(
      ...(await authSetupProblems({
        demo: config.KVSTORE_DEMO,
        secret: config.NEXTAUTH_SECRET,
        usersFile: config.AUTH_USERS_FILE,
        users,
        oidcConfigured: isOidcConfigured(),
      })),
    );
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
  }
  if (problems.length === 0) return;
  console.error('kvstore-backups refuses to start:');
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
