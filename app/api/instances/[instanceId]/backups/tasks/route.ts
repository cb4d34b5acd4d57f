import { withRoute } from '@/lib/api/server/with-route';
import { listBackupTasks } from '@/lib/backups/backup-tasks';
import { instanceParamsSchema } from '@/lib/backups/query';

export const dynamic = 'force-dynamic';

export const GET = withRoute({ permission: 'browse', params: instanceParamsSchema }, ({ params, user }) =>
  listBackupTasks(params.instanceId, user.scope),
);
