import { withRoute } from '@/lib/api/server/with-route';
import { signOutEverywhere, userParamsSchema } from '@/lib/sessions/sign-out-everywhere';

export const dynamic = 'force-dynamic';

export const POST = withRoute(
  { permission: 'admin', params: userParamsSchema },
  async ({ params, user, address }) => signOutEverywhere(params.username, user, address),
);
