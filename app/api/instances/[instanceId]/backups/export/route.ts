import { withRoute } from '@/lib/api/server/with-route';
import { recordAudit } from '@/lib/audit/audit-log';
import { describeExport, exportBackups } from '@/lib/backups/export-backups';
import { exportQuerySchema, instanceParamsSchema } from '@/lib/backups/query';

export const dynamic = 'force-dynamic';

export const GET = withRoute(
  { permission: 'browse', sameOriginOnly: true, params: instanceParamsSchema, query: exportQuerySchema },
  async ({ params, query, user, address }) => {
    const response = await exportBackups(params.instanceId, query, user.scope);
    await recordAudit({
      action: 'export',
      user: user.name,
      role: user.role,
      instanceId: params.instanceId,
      address,
      status: 200,
      detail: describeExport(query),
    });
    return response;
  },
);
