import 'server-only';
import { recentSignIns, type RecentSignIn } from '@/lib/audit/audit-log';
import { revocations, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/revocations';

export interface RecentSession extends RecentSignIn {
  /** When an admin last signed this user out everywhere, if that was after the last sign-in. */
  signedOutAt: string | null;
}

/** Users who signed in within a session's lifetime, so may be signed in now (from the audit log). */
export async function listRecentSessions(now = Date.now()): Promise<RecentSession[]> {
  const since = new Date(now - SESSION_MAX_AGE_SECONDS * 1000).toISOString();
  const rows = await recentSignIns(since);
  const list = revocations();
  await list.catchUp();
  const out: RecentSession[] = [];
  for (const row of rows) {
    const revokedAt = await list.userRevokedAt(row.user);
    const after = revokedAt !== undefined && revokedAt >= Date.parse(row.lastAt);
    out.push({ ...row, signedOutAt: after ? new Date(revokedAt).toISOString() : null });
  }
  return out;
}
