import { FACETS, type FacetName } from './facets';

// The rules of the backups query, without zod: the route's schema (query.ts) is built from them, and the
// browser checks a link with them before sending it, so the page's bundle need not carry zod.

export const PAGE_SIZES = [30, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const SORT_FIELDS = [
  'startTime',
  'endTime',
  'duration',
  'size',
  'status',
  'type',
  'mode',
  'method',
  'node',
  'backupId',
  'jobId',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const DEFAULT_SORT = 'startTime.desc';

/** Ids we pass upstream: letters, digits and dashes only, so nothing can smuggle in another parameter. */
export const INSTANCE_ID_PATTERN = /^[a-z][a-z0-9]*-[a-z0-9-]{1,64}$/;
export const BACKUP_ID_PATTERN = /^\d{1,20}$/;
export const NODE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,80}$/;

/** More than any cluster has shards, far fewer than SQLite's limit on parameters. */
export const MAX_NODES = 1024;
export const MAX_SEARCH_LENGTH = 64;
export const MAX_PAGE = 1_000_000;

/** What the browser puts in the URL and the route reads: the query's names, as strings. */
export type BackupsSearchParams = Partial<
  Record<'start' | 'end' | FacetName | 'q' | 'sort' | 'page' | 'pageSize' | 'group', string>
>;

/** Each value once: a repeated value means nothing more, and every value becomes an SQL parameter. */
export function splitList(v: string | undefined): string[] {
  return [
    ...new Set(
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export function isSort(v: string): boolean {
  const [field, dir, ...rest] = v.split('.');
  return (
    rest.length === 0 &&
    (SORT_FIELDS as readonly string[]).includes(field ?? '') &&
    (dir === 'asc' || dir === 'desc')
  );
}

/** A number as `Number()` reads it (zod's coercion does the same), whole and within bounds. */
export function isWholeNumber(v: string, min: number, max: number): boolean {
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max;
}

export function isPageSize(v: string): boolean {
  return (PAGE_SIZES as readonly number[]).includes(Number(v));
}

export function isNodeList(ids: readonly string[]): boolean {
  return ids.length <= MAX_NODES && ids.every((id) => NODE_ID_PATTERN.test(id));
}

/**
 * The values of a view the route would refuse, besides its range (which the page explains on its own):
 * the same rules as `backupsQuerySchema`, which is built on them.
 */
export function refusedValues(params: BackupsSearchParams): (keyof BackupsSearchParams)[] {
  const refused: (keyof BackupsSearchParams)[] = [];
  for (const facet of ['status', 'type', 'mode', 'method'] as const) {
    const allowed: readonly string[] = FACETS[facet].values;
    if (!splitList(params[facet]).every((v) => allowed.includes(v))) refused.push(facet);
  }
  if (!isNodeList(splitList(params.node))) refused.push('node');
  if (params.q !== undefined && params.q.length > MAX_SEARCH_LENGTH) refused.push('q');
  if (params.sort !== undefined && !isSort(params.sort)) refused.push('sort');
  if (params.page !== undefined && !isWholeNumber(params.page, 1, MAX_PAGE)) refused.push('page');
  if (params.pageSize !== undefined && !isPageSize(params.pageSize)) refused.push('pageSize');
  return refused;
}

/** Builds the API path for a view; used by the browser. */
export function backupsApiPath(instanceId: string, params: BackupsSearchParams): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  return `/api/instances/${encodeURIComponent(instanceId)}/backups?${search.toString()}`;
}
