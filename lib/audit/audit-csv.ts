import 'server-only';
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

/** RFC 4180 quoting, and a leading quote on values a spreadsheet would run as a formula. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsvResponse(query: AuditQuery): Response {
  const rows = iterateAudit(query);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(COLUMNS.join(',') + '\r\n'));
    },
    pull(controller) {
      let chunk = '';
      for (let i = 0; i < 500; i++) {
        const next = rows.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += COLUMNS.map((c) => csvCell(next.value[c])).join(',') + '\r\n';
      }
      controller.enqueue(encoder.encode(chunk));
    },
    cancel() {
      rows.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
