import { withRoute } from '@/lib/api/server/with-route';
import { findLatestBackup } from '@/lib/backups/latest-backup';
import { instanceParamsSchema, latestQuerySchema } from '@/lib/backups/query';

export const dynamic = 'force-dynamic';

export const GET = withRoute(
  { permission: 'browse', params: instanceParamsSchema, query: latestQuerySchema },
  ({ params, query, user }) => findLatestBackup(params.instanceId, query.before, user.scope),
);
