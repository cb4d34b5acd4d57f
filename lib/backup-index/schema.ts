// The index's tables as Kysely sees them. Times are Unix milliseconds (ranges and sorts) next to the ISO
// text the API answers with; ids are int64 strings.

export interface BackupsTable {
  instance_id: string;
  backup_id: string;
  job_id: string | null;
  node: string | null;
  status: string;
  type: string;
  mode: string;
  method: string;
  start_ms: number;
  start_time: string;
  end_time: string | null;
  duration: number | null;
  size: number;
  db_names: string | null;
  engine_version: string | null;
  expect_expire_time: string | null;
  recover_config: string | null;
}

/** Per instance, UTC day and combination of facet values: how many backups and bytes (node '' = none). */
export interface BackupDaysTable {
  instance_id: string;
  day_ms: number;
  status: string;
  type: string;
  mode: string;
  method: string;
  node: string;
  n: number;
  bytes: number;
}

/** Intervals [start_ms, end_ms) known complete as of synced_ms. Disjoint per instance. */
export interface CoverageTable {
  instance_id: string;
  start_ms: number;
  end_ms: number;
  synced_ms: number;
}

export interface SyncStateTable {
  instance_id: string;
  full_storage: number | null;
  log_storage: number | null;
  last_success_ms: number | null;
  last_error_ms: number | null;
  last_error_code: string | null;
  last_error_message: string | null;
  last_error_request_id: string | null;
}

export interface InstancesTable {
  instance_id: string;
  region_id: string;
  /** The normalized Instance as JSON. */
  data: string;
  synced_ms: number;
}

/** Rewritten by the readiness check: proof the database takes writes. */
export interface ProbeTable {
  name: string;
  at_ms: number;
}

/** The latest verification of a backup (lib/verify/). JSON in the `*_params` and `keys_by_*` columns. */
export interface VerificationsTable {
  instance_id: string;
  backup_id: string;
  job_id: string | null;
  status: string;
  problem_code: string | null;
  problem_offset: number | null;
  problem_params: string | null;
  rdb_version: number | null;
  redis_version: string | null;
  created_at: string | null;
  key_count: number;
  expire_count: number;
  keys_by_db: string;
  keys_by_type: string;
  checksum: string | null;
  bytes_read: number;
  size: number;
  duration_ms: number;
  started_ms: number;
  finished_ms: number;
  origin: string;
  username: string | null;
}

export interface IndexDatabase {
  backups: BackupsTable;
  backup_days: BackupDaysTable;
  coverage: CoverageTable;
  sync_state: SyncStateTable;
  instances: InstancesTable;
  probe: ProbeTable;
  verifications: VerificationsTable;
}
