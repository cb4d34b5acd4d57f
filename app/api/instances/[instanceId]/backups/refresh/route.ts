import { withRoute } from '@/lib/api/server/with-route';
import { refreshBackups } from '@/lib/backups/list-backups';
import { instanceParamsSchema, rangeQuerySchema } from '@/lib/backups/query';

export const dynamic = 'force-dynamic';

export const POST = withRoute(
  { permission: 'browse', params: instanceParamsSchema, query: rangeQuerySchema },
  ({ params, query, user }) => refreshBackups(params.instanceId, query, user),
);
