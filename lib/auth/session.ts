import 'server-only';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { getAuthOptions } from './options';
import type { SessionUser } from './roles';

/**
 * The signed-in user for a server component or route handler, or null. Memoized per request, so a
 * layout and its page that both ask decode the session once.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user?.name) return null;
  return { name: session.user.name, role: session.user.role, scope: session.user.scope };
});
