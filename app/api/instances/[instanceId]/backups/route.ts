import { withRoute } from '@/lib/api/with-route';
import { fetchBackups } from '@/lib/backups/fetch-backups';
import { backupsQuerySchema, instanceParamsSchema } from '@/lib/backups/query';

export const dynamic = 'force-dynamic';

export const GET = withRoute(
  { permission: 'browse', params: instanceParamsSchema, query: backupsQuerySchema },
  ({ params, query, user }) => fetchBackups(params.instanceId, query, user.scope),
);
