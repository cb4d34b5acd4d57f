import { withRoute } from '@/lib/api/server/with-route';
import { accepted } from '@/lib/verify/accepted';
import { jobParamsSchema } from '@/lib/verify/query';
import { startJobVerification } from '@/lib/verify/verify-actions';

export const dynamic = 'force-dynamic';

export const POST = withRoute(
  { permission: 'verify', sameOriginOnly: true, params: jobParamsSchema },
  async ({ params, user, address }) =>
    accepted(await startJobVerification(params.instanceId, params.jobId, { user, address })),
);
