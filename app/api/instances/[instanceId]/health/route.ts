import { withRoute } from '@/lib/api/server/with-route';
import { instanceParamsSchema, rangeQuerySchema } from '@/lib/backups/query';
import { fetchInstanceHealth } from '@/lib/fleet/fetch-fleet';

export const dynamic = 'force-dynamic';

export const GET = withRoute(
  { permission: 'browse', params: instanceParamsSchema, query: rangeQuerySchema },
  ({ params, query, user }) => fetchInstanceHealth(params.instanceId, query, user.scope),
);
