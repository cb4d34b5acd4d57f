import type { BackupsSearchParams } from '@/lib/backups/query-rules';
import type { DateRange } from './date-range';

// The backups routes besides the list (lib/backups/query.ts builds that one), from the same parameters.

function path(instanceId: string, action: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  return `/api/instances/${encodeURIComponent(instanceId)}/backups/${action}?${search.toString()}`;
}

export type ExportFormat = 'csv' | 'json';

/** Every row of the view, whatever page is shown: its filters and sort, without paging. */
export function exportPath(instanceId: string, params: BackupsSearchParams, format: ExportFormat): string {
  const { page: _page, pageSize: _pageSize, ...view } = params;
  return path(instanceId, 'export', { format, ...view });
}

export function refreshPath(instanceId: string, range: DateRange): string {
  return path(instanceId, 'refresh', { start: range.start, end: range.end });
}

type PageSearchParams = Record<string, string | string[] | undefined>;

/** The same page with a range put in, every other value kept as it came (repeated keys too). */
export function withRange(pathname: string, search: PageSearchParams, range: DateRange): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) {
    if (k === 'start' || k === 'end' || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) out.append(k, one);
  }
  out.set('start', range.start);
  out.set('end', range.end);
  return `${pathname}?${out.toString()}`;
}
