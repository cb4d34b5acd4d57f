import { withRoute } from '@/lib/api/server/with-route';
import { instanceParamsSchema } from '@/lib/backups/query';
import { verificationsQuerySchema } from '@/lib/verify/query';
import { listVerifications } from '@/lib/verify/verify-actions';

export const dynamic = 'force-dynamic';

export const GET = withRoute(
  { permission: 'browse', params: instanceParamsSchema, query: verificationsQuerySchema },
  ({ params, query, user }) => listVerifications(params.instanceId, query.backupIds, user.scope),
);
