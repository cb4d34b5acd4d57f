import { withRoute } from '@/lib/api/server/with-route';
import { fetchJob } from '@/lib/backups/list-jobs';
import { jobParamsSchema } from '@/lib/backups/query';

export const dynamic = 'force-dynamic';

export const GET = withRoute({ permission: 'browse', params: jobParamsSchema }, ({ params, user }) =>
  fetchJob(params.instanceId, params.jobId, user.scope),
);
