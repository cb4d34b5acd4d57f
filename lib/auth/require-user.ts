import 'server-only';
import { redirect } from 'next/navigation';
import type { SessionUser } from './roles';
import { getSessionUser } from './session';

/** For pages: the signed-in user, or off to sign-in. The proxy sends anonymous visitors first; this is the backstop. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in');
  return user;
}
