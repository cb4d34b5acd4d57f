import { withRoute } from '@/lib/api/server/with-route';
import { listBackups } from '@/lib/backups/list-backups';
import { backupsQuerySchema, instanceParamsSchema } from '@/lib/backups/query';

export const dynamic = 'force-dynamic';

export const GET = withRoute(
  { permission: 'browse', params: instanceParamsSchema, query: backupsQuerySchema },
  ({ params, query, user }) => listBackups(params.instanceId, query, user.scope),
);
