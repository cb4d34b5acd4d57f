import 'server-only';
import { openReader } from '@/lib/backup-index/db';
import { streamRows } from '@/lib/backup-index/query';
import { fromRow } from '@/lib/backup-index/store';
import { csvLine, streamedDownload } from '@/lib/csv';
import { toMinute } from '@/lib/dates';
import { FACET_NAMES } from './facets';
import { syncRange } from './list-backups';
import type { ExportQuery } from './query';

// Every backup matching the table's filters, streamed from the index a batch at a time, as CSV or JSON.

const COLUMNS = [
  'backupId',
  'backupJobId',
  'instanceId',
  'nodeInstanceId',
  'status',
  'type',
  'mode',
  'method',
  'startTime',
  'endTime',
  'durationSeconds',
  'size',
  'dbNames',
  'engineVersion',
  'expectExpireTime',
] as const;

async function* chunks(instanceId: string, query: ExportQuery): AsyncGenerator<string> {
  const db = await openReader();
  try {
    let first = true;
    yield query.format === 'csv' ? csvLine(COLUMNS) : '[';
    for await (const batch of streamRows(db, instanceId, query)) {
      const backups = batch.map(fromRow);
      if (query.format === 'csv') {
        yield backups.map((b) => csvLine(COLUMNS.map((c) => b[c]))).join('');
      } else {
        yield backups.map((b, i) => `${first && i === 0 ? '' : ','}\n${JSON.stringify(b)}`).join('');
        first = false;
      }
    }
    if (query.format === 'json') yield '\n]\n';
  } finally {
    await db.destroy();
  }
}

/** Brings the range up to date (within the deadline) and streams what the index then holds. */
export async function exportBackups(
  instanceId: string,
  query: ExportQuery,
  scope: readonly string[] | null,
): Promise<Response> {
  await syncRange(instanceId, query, scope);
  const name = `${instanceId}-backups-${toMinute(query.start)}-${toMinute(query.end)}`.replace(/:/g, '');
  return query.format === 'csv'
    ? streamedDownload(chunks(instanceId, query), `${name}.csv`, 'text/csv; charset=utf-8')
    : streamedDownload(chunks(instanceId, query), `${name}.json`, 'application/json; charset=utf-8');
}

/** How an export is described in the audit log: the filters that chose its rows. */
export function describeExport(query: ExportQuery): string {
  const parts = [
    `format=${query.format}`,
    `start=${query.start.toISOString()}`,
    `end=${query.end.toISOString()}`,
  ];
  for (const name of FACET_NAMES) if (query[name].length > 0) parts.push(`${name}=${query[name].join(',')}`);
  if (query.q) parts.push(`q=${query.q}`);
  parts.push(`sort=${query.sort.field}.${query.sort.dir}`);
  return parts.join(' ');
}
