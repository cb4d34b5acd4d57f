import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { FleetView } from '@/components/fleet/fleet-view';
import { prefetchFleet } from '@/components/fleet/prefetch-fleet';
import { ConsoleShell } from '@/components/shell/console-shell';
import { requestTime } from '@/components/shell/request-time';
import { ServerNow } from '@/components/ui/server-now';
import { requireUser } from '@/lib/auth/require-user';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('fleet'))('title') };
}

export default async function FleetPage() {
  const user = await requireUser();
  return (
    <ConsoleShell>
      <HydrationBoundary state={await prefetchFleet(user)}>
        <ServerNow value={requestTime()}>
          <Suspense>
            <FleetView />
          </Suspense>
        </ServerNow>
      </HydrationBoundary>
    </ConsoleShell>
  );
}
