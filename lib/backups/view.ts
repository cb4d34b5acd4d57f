import type { Backup } from '@/lib/aliyun/types';
import type { BackupsQuery, SortField } from './query';

// Pure functions that turn every backup of a range into one page of the table: filter, sort, page,
// and the facet counts the filter menus show. DescribeBackups can do none of this itself.

export type FacetName = 'status' | 'type' | 'mode' | 'method' | 'node';
export type Facets = Record<FacetName, Record<string, number>>;

export interface BackupsView {
  rows: Backup[];
  total: number;
  page: number;
  pageSize: number;
  facets: Facets;
  totals: { count: number; bytes: number };
  latestSuccessAt: string | null;
}

/** What `GET /api/instances/{id}/backups` answers. */
export interface BackupsAnswer extends BackupsView {
  storage: { full: number | null; log: number | null };
  range: { start: string; end: string };
}

const facetValue: Record<FacetName, (b: Backup) => string | null> = {
  status: (b) => b.status,
  type: (b) => b.type,
  mode: (b) => b.mode,
  method: (b) => b.method,
  node: (b) => b.nodeInstanceId,
};

export function countFacets(backups: readonly Backup[]): Facets {
  const facets: Facets = { status: {}, type: {}, mode: {}, method: {}, node: {} };
  for (const b of backups) {
    for (const name of Object.keys(facetValue) as FacetName[]) {
      const value = facetValue[name](b);
      if (value !== null) facets[name][value] = (facets[name][value] ?? 0) + 1;
    }
  }
  return facets;
}

export function matches(
  b: Backup,
  q: Pick<BackupsQuery, 'status' | 'type' | 'mode' | 'method' | 'node' | 'q'>,
): boolean {
  const inList = (list: readonly string[], value: string | null) =>
    list.length === 0 || (value !== null && list.includes(value));
  if (!inList(q.status, b.status) || !inList(q.type, b.type) || !inList(q.mode, b.mode)) return false;
  if (!inList(q.method, b.method) || !inList(q.node, b.nodeInstanceId)) return false;
  if (q.q && !b.backupId.includes(q.q) && !(b.backupJobId ?? '').includes(q.q)) return false;
  return true;
}

type SortKey = (b: Backup) => number | string | null;

const sortKey: Record<SortField, SortKey> = {
  startTime: (b) => Date.parse(b.startTime),
  endTime: (b) => (b.endTime ? Date.parse(b.endTime) : null),
  duration: (b) => b.durationSeconds,
  size: (b) => b.size,
  status: (b) => b.status,
  type: (b) => b.type,
  mode: (b) => b.mode,
  method: (b) => b.method,
  node: (b) => b.nodeInstanceId,
  backupId: (b) => numericId(b.backupId),
  jobId: (b) => (b.backupJobId ? numericId(b.backupJobId) : null),
};

/** Ids are int64 strings: compare by length first so "9" < "10" without losing precision. */
function numericId(id: string): string {
  return id.padStart(20, '0');
}

function compareValues(a: number | string | null, b: number | string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function sortBackups(backups: readonly Backup[], sort: BackupsQuery['sort']): Backup[] {
  const key = sortKey[sort.field];
  const sign = sort.dir === 'asc' ? 1 : -1;
  // Missing values sort last in both directions; ties fall back to newest first, then id, so pages are stable.
  return [...backups].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else {
      const c = compareValues(ka, kb) * sign;
      if (c !== 0) return c;
    }
    return (
      compareValues(Date.parse(b.startTime), Date.parse(a.startTime)) ||
      compareValues(numericId(b.backupId), numericId(a.backupId))
    );
  });
}

export function buildView(all: readonly Backup[], query: BackupsQuery): BackupsView {
  const filtered = all.filter((b) => matches(b, query));
  const sorted = sortBackups(filtered, query.sort);
  const offset = (query.page - 1) * query.pageSize;
  let latestSuccess: Backup | null = null;
  let bytes = 0;
  for (const b of all) {
    bytes += b.size;
    if (
      b.status === 'Success' &&
      (!latestSuccess || Date.parse(b.startTime) > Date.parse(latestSuccess.startTime))
    )
      latestSuccess = b;
  }
  return {
    rows: sorted.slice(offset, offset + query.pageSize),
    total: filtered.length,
    page: query.page,
    pageSize: query.pageSize,
    facets: countFacets(all),
    totals: { count: all.length, bytes },
    latestSuccessAt: latestSuccess?.startTime ?? null,
  };
}
