import { withRoute } from '@/lib/api/server/with-route';
import { indexStatus } from '@/lib/backup-index/index-status';

export const dynamic = 'force-dynamic';

export const GET = withRoute({ permission: 'admin' }, ({ user }) => indexStatus(user.scope));
