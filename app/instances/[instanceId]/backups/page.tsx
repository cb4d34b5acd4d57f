import type { Metadata } from 'next';
import { Suspense } from 'react';
import { BackupsView } from '@/components/backups/backups-view';
import { DataTableSkeleton } from '@/components/backups/data-table';
import { requireUser } from '@/components/shell/console-shell';

export const dynamic = 'force-dynamic';

export async function generateMetadata({
  params,
}: {
  params: Promise<{ instanceId: string }>;
}): Promise<Metadata> {
  return { title: `Backups of ${(await params).instanceId} · kvstore-backups` };
}

export default async function BackupsPage({ params }: { params: Promise<{ instanceId: string }> }) {
  const [{ instanceId }, user] = await Promise.all([params, requireUser()]);
  return (
    <Suspense fallback={<DataTableSkeleton />}>
      <BackupsView instanceId={decodeURIComponent(instanceId)} user={user} />
    </Suspense>
  );
}
