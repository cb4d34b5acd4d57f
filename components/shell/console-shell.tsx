import { HydrationBoundary } from '@tanstack/react-query';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/require-user';
import { AppHeader } from './app-header';
import { prefetchInstances } from './prefetch-instances';

export async function ConsoleShell({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations('common');
  return (
    <HydrationBoundary state={await prefetchInstances(user)}>
      <a
        href="#main"
        className="sr-only z-50 rounded bg-blue-700 px-3 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t('skipToContent')}
      </a>
      <AppHeader user={user} />
      <main id="main" className="mx-auto max-w-[96rem] px-4 py-4">
        {children}
      </main>
    </HydrationBoundary>
  );
}
