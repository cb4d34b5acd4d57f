import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { loadBackupsSearchParams } from '@/components/backups/load-backups-search-params';
import { BackupsView } from '@/components/backups/backups-view';
import { DataTableSkeleton } from '@/components/backups/data-table';
import { prefetchBackups } from '@/components/backups/prefetch-backups';
import { requireUser } from '@/lib/auth/require-user';
import { getSessionUser } from '@/lib/auth/session';
import { fetchInstances } from '@/lib/instances/fetch-instances';
import { requestTime } from '@/components/shell/request-time';
import { ServerNow } from '@/components/ui/server-now';
import { withRange } from '@/components/backups/backups-links';
import { DEFAULT_PRESET, presetRange } from '@/components/backups/date-range';

export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

/** "<instance name> · Backups": the name when the instance list has it, else the id. */
export async function generateMetadata({
  params,
}: {
  params: Promise<{ instanceId: string }>;
}): Promise<Metadata> {
  const instanceId = decodeURIComponent((await params).instanceId);
  const [t, user] = await Promise.all([getTranslations('backups'), getSessionUser()]);
  const instances = user ? await fetchInstances(user.scope).catch(() => []) : [];
  const name = instances.find((i) => i.instanceId === instanceId)?.name ?? instanceId;
  return { title: { absolute: t('pageTitle', { name }) } };
}

export default async function BackupsPage({
  params,
  searchParams,
}: {
  params: Promise<{ instanceId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ instanceId: encoded }, search, user] = await Promise.all([params, searchParams, requireUser()]);
  const instanceId = decodeURIComponent(encoded);
  const now = requestTime();
  const state = loadBackupsSearchParams(search);
  if (state.start === null && state.end === null)
    redirect(
      withRange(
        `/instances/${encodeURIComponent(instanceId)}/backups`,
        search,
        presetRange(DEFAULT_PRESET, now),
      ),
    );

  return (
    <HydrationBoundary state={await prefetchBackups(instanceId, state, user, now)}>
      <ServerNow value={now}>
        <Suspense fallback={<DataTableSkeleton />}>
          <BackupsView instanceId={instanceId} user={user} />
        </Suspense>
      </ServerNow>
    </HydrationBoundary>
  );
}
