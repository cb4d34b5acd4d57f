import 'server-only';
import { csvLine, streamedDownload } from '@/lib/csv';
import { iterateAudit } from './audit-log';
import type { AuditQuery, AuditRow } from './audit-query';

const COLUMNS: (keyof AuditRow)[] = [
  'id',
  'at',
  'action',
  'user',
  'role',
  'instanceId',
  'backupId',
  'variant',
  'address',
  'status',
  'detail',
];

/** Batches of 500 rows a chunk, pulled as the client reads. */
async function* chunks(query: AuditQuery): AsyncGenerator<string> {
  yield csvLine(COLUMNS);
  let chunk = '';
  let n = 0;
  for await (const row of iterateAudit(query)) {
    chunk += csvLine(COLUMNS.map((c) => row[c]));
    if (++n % 500 === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export function auditCsvResponse(query: AuditQuery): Response {
  return streamedDownload(
    chunks(query),
    `audit-${new Date().toISOString().slice(0, 10)}.csv`,
    'text/csv; charset=utf-8',
  );
}
