import { withRoute } from '@/lib/api/server/with-route';
import { fetchFleet } from '@/lib/fleet/fetch-fleet';

export const dynamic = 'force-dynamic';

export const GET = withRoute({ permission: 'browse' }, ({ user }) => fetchFleet(user.scope));
