import { withRoute } from '@/lib/api/server/with-route';
import { fetchIndexedBackup } from '@/lib/backups/get-backup';
import { backupRefParamsSchema } from '@/lib/backups/query';

export const dynamic = 'force-dynamic';

export const GET = withRoute({ permission: 'browse', params: backupRefParamsSchema }, ({ params, user }) =>
  fetchIndexedBackup(params.instanceId, params.backupId, user.scope),
);
