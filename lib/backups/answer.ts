import type { Backup } from '@/lib/aliyun/types';
import type { Facets } from './facets';

// What `GET /api/instances/{id}/backups` answers: one page of the table, the counts over the whole range,
// and how current the index is for that range.

export interface BackupsPage {
  rows: Backup[];
  /** Rows matching the filters. */
  total: number;
  page: number;
  pageSize: number;
  /** Counts over the whole range, whatever the filters. */
  facets: Facets;
  totals: { count: number; bytes: number };
  latestSuccessAt: string | null;
}

export interface IndexFreshness {
  /** When the newest part of the range was last read from Alibaba Cloud (ISO); null if never. */
  asOf: string | null;
  /** The last attempt to bring this range up to date failed: the rows are as of `asOf`. */
  stale: boolean;
  lastError: { code: string; message: string; requestId: string | null; at: string } | null;
  /** A sync of (part of) this range is still running: rows fill in as it goes. */
  syncing: { fetched: number; total: number | null } | null;
}

export interface BackupsAnswer extends BackupsPage, IndexFreshness {
  storage: { full: number | null; log: number | null };
  range: { start: string; end: string };
}
