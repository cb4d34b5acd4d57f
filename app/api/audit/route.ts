import { withRoute } from '@/lib/api/server/with-route';
import { auditCsvResponse } from '@/lib/audit/audit-csv';
import { listAudit } from '@/lib/audit/audit-log';
import { auditQuerySchema } from '@/lib/audit/audit-query';

export const dynamic = 'force-dynamic';

export const GET = withRoute({ permission: 'audit', query: auditQuerySchema }, async ({ query }) =>
  query.format === 'csv'
    ? auditCsvResponse(query)
    : { ...(await listAudit(query)), page: query.page, pageSize: query.pageSize },
);
