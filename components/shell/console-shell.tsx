import { HydrationBoundary } from '@tanstack/react-query';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import type { SessionUser } from '@/lib/auth/roles';
import { getSessionUser } from '@/lib/auth/session';
import { AppHeader } from './app-header';
import { prefetchInstances } from './prefetch-instances';

/** The signed-in console: the proxy already sends anonymous visitors to sign-in; this is the backstop. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in');
  return user;
}

export async function ConsoleShell({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <HydrationBoundary state={await prefetchInstances(user)}>
      <a
        href="#main"
        className="sr-only z-50 rounded bg-blue-700 px-3 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <AppHeader user={user} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-4">
        {children}
      </main>
    </HydrationBoundary>
  );
}
