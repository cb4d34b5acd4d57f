// Runs once when the server starts (Node.js runtime only, not during the build).

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  await refuseUnsafeStart();
  // Opened now, so the proxy (which cannot open it) finds the session revocations from the first request.
  const { revocations } = await import('@/lib/auth/revocations');
  revocations();
  const { startWarmerIfEnabled } = await import('@/lib/backup-index/warmer');
  startWarmerIfEnabled();
  const { startHealthMonitor } = await import('@/lib/alerts/monitor');
  startHealthMonitor();
  const { startVerifySchedulerIfEnabled } = await import('@/lib/verify/scheduler');
  startVerifySchedulerIfEnabled();
}

/** Refuses to serve with an unsafe sign-in setup, saying exactly why (rules: lib/auth/startup-check.ts). */
async function refuseUnsafeStart(): Promise<void> {
  const { getConfig } = await import('@/lib/config');
  const { isOidcConfigured } = await import('@/lib/auth/options');
  const { authSetupProblems } = await import('@/lib/auth/startup-check');
  const { readUsersFile } = await import('@/lib/auth/users-file');
  const { isBehindRemoteAddressServer } = await import('@/lib/net/remote-address-header');
  const problems: string[] = [];
  try {
    const config = getConfig();
    problems.push(
      ...(await authSetupProblems({
        demo: config.KVSTORE_DEMO,
        secret: config.NEXTAUTH_SECRET,
        usersFile: config.AUTH_USERS_FILE,
        users: config.AUTH_USERS_FILE ? readUsersFile(config.AUTH_USERS_FILE) : [],
        oidcConfigured: isOidcConfigured(),
        clientAddressKnown: isBehindRemoteAddressServer(),
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
