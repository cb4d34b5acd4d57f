import { withRoute } from '@/lib/api/server/with-route';
import { backupParamsSchema } from '@/lib/backups/query';
import { accepted } from '@/lib/verify/accepted';
import { cancelVerification, startVerification } from '@/lib/verify/verify-actions';

export const dynamic = 'force-dynamic';

export const POST = withRoute(
  { permission: 'verify', sameOriginOnly: true, params: backupParamsSchema },
  async ({ params, user, address }) =>
    accepted(await startVerification(params.instanceId, params.backupId, { user, address })),
);

export const DELETE = withRoute(
  { permission: 'verify', sameOriginOnly: true, params: backupParamsSchema },
  ({ params, user, address }) => cancelVerification(params.instanceId, params.backupId, { user, address }),
);
