import type { Backup, BackupTask, InstanceKind } from '@/lib/aliyun/types';
import type { Facets } from './facets';
import type { JobStatus } from './status-rules';

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
  /** With `group=job` on a classic cluster: the page's jobs (rows is then empty, and total counts jobs). */
  jobs?: JobSummary[];
}

/** One backup job of a classic cluster: every shard's backup, judged together (lib/backups/status-rules). */
export interface JobSummary {
  jobId: string;
  /** The earliest shard's start and the latest shard's end. */
  startTime: string;
  endTime: string | null;
  /** Bytes, all shards. */
  size: number;
  mode: string;
  status: JobStatus;
  /** Shards the job should have. */
  shards: number;
  /** Backups listed, failed among them, and shards with none. */
  listed: number;
  failed: number;
  missing: number;
}

export interface IndexFreshness {
  /** When the newest part of the range was last read from Alibaba Cloud (ISO); null if never. */
  asOf: string | null;
  /** The last attempt to bring this range up to date failed, or Alibaba Cloud's throttling holds every call
   * back for now: the rows are as of `asOf`. */
  stale: boolean;
  lastError: { code: string; message: string; requestId: string | null; at: string } | null;
  /** A first sync of (part of) this range is still running: rows fill in as it goes. */
  syncing: { fetched: number; total: number | null } | null;
  /** A Refresh of (part of) this range is still reading Alibaba Cloud; background updates of the recent edge
   * do not count. In a Refresh's answer: that refresh's own reads (the server's deadline came first). */
  refreshing: boolean;
}

export interface BackupsAnswer extends BackupsPage, IndexFreshness {
  /** Which API lists the instance's backups, its shards, and the start of its flashback window. */
  kind: InstanceKind;
  storage: { full: number | null; log: number | null };
  range: { start: string; end: string };
}

/** What `GET …/backups/tasks` answers: the backups running now (and those just finished). */
export interface TasksAnswer {
  tasks: BackupTask[];
  /** When Alibaba Cloud was asked (ISO). */
  checkedAt: string;
}
