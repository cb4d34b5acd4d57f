import { withRoute } from '@/lib/api/server/with-route';
import { recordAudit } from '@/lib/audit/audit-log';
import { buildJobScript } from '@/lib/backups/job-script';
import { jobParamsSchema, jobScriptQuerySchema } from '@/lib/backups/query';

export const dynamic = 'force-dynamic';

export const GET = withRoute(
  { permission: 'download', sameOriginOnly: true, params: jobParamsSchema, query: jobScriptQuerySchema },
  async ({ params, query, user, address }) => {
    const built = await buildJobScript(
      params.instanceId,
      params.jobId,
      query.variant,
      query.confirm === 'incomplete',
      user.scope,
    );
    // One row for the whole script, naming every backup it hands out, committed before the answer leaves.
    const skipped = built.skipped.map((s) => s.node ?? s.backupId ?? '?').join(', ');
    recordAudit({
      action: 'job_script',
      user: user.name,
      role: user.role,
      instanceId: params.instanceId,
      backupId: built.backupIds.join(','),
      variant: query.variant,
      address,
      status: 200,
      detail: `job ${params.jobId}: ${built.backupIds.length} of ${built.shards} files${
        skipped ? `; confirmed without ${skipped}` : ''
      }`,
    });
    return new Response(built.script, {
      headers: {
        'Content-Type': 'text/x-shellscript; charset=utf-8',
        'Content-Disposition': `attachment; filename="${built.fileName}"`,
        'Cache-Control': 'no-store',
      },
    });
  },
);
