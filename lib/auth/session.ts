import 'server-only';
import { getServerSession } from 'next-auth';
import { getAuthOptions } from './options';
import type { SessionUser } from './roles';

/** The signed-in user for a server component or route handler, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user?.name) return null;
  return { name: session.user.name, role: session.user.role, scope: session.user.scope };
}
