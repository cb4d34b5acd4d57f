import { alertsOverview } from '@/lib/alerts/admin';
import { withRoute } from '@/lib/api/server/with-route';

export const dynamic = 'force-dynamic';

export const GET = withRoute({ permission: 'admin' }, () => alertsOverview());
