import { redirect } from 'next/navigation';

export default async function InstancePage({ params }: { params: Promise<{ instanceId: string }> }) {
  const { instanceId } = await params;
  redirect(`/instances/${encodeURIComponent(instanceId)}/backups`);
}
