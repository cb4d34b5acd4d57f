import { sendTestAlert } from '@/lib/alerts/admin';
import { withRoute } from '@/lib/api/server/with-route';

export const dynamic = 'force-dynamic';

export const POST = withRoute({ permission: 'admin', sameOriginOnly: true }, ({ user }) =>
  sendTestAlert(user.name),
);
