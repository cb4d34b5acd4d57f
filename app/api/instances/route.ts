import { withRoute } from '@/lib/api/server/with-route';
import { fetchInstances } from '@/lib/instances/fetch-instances';

export const dynamic = 'force-dynamic';

export const GET = withRoute({ permission: 'browse' }, async ({ user }) => ({
  instances: await fetchInstances(user.scope),
}));
