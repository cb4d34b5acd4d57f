import type { Generated } from 'kysely';

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
  /** A cloud-native cluster's backup set: its node count (null for any other backup). */
  node_count: number | null;
  /** Nodes of the set without a usable file. */
  nodes_unavailable: number | null;
}

/** The node backups of a set (a `backups` row whose backup_id is `set_id`). */
export interface ClusterSetNodesTable {
  instance_id: string;
  set_id: string;
  backup_id: string;
  node: string | null;
  /** Success, Failed or Unavailable (OK upstream but IsAvail 0). */
  status: string;
  mode: string;
  start_time: string;
  end_time: string | null;
  duration: number | null;
  size: number;
  engine_version: string | null;
  expect_expire_time: string | null;
  recover_config: string | null;
}

export interface InstanceKindsTable {
  instance_id: string;
  kind: string;
  shard_count: number | null;
  log_start_time: string | null;
  synced_ms: number;
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

/** One version of an instance's backup policy, in force from `from_ms` (0: since before the index knew it). */
export interface BackupPoliciesTable {
  instance_id: string;
  from_ms: number;
  /** UTC weekdays, 0 = Sunday, comma separated. */
  weekdays: string;
  window_start: number | null;
  window_minutes: number | null;
  retention_days: number | null;
  log_backup: number | null;
}

/** When the policy was last read, what it said of the next backup, and the last refusal. */
export interface PolicyStateTable {
  instance_id: string;
  checked_ms: number;
  next_backup_time: string | null;
  error_ms: number | null;
  error_code: string | null;
  error_message: string | null;
}

/** The last evaluated health per instance; `alert_state` is what alerts compare against (ok, late, failing). */
export interface HealthStateTable {
  instance_id: string;
  state: string;
  alert_state: string;
  since_ms: number;
  reason: string | null;
  evaluated_ms: number;
}

/** Alerts to send: pending until sent, retried with backoff, kept for the admin page. */
export interface AlertOutboxTable {
  id: string;
  instance_id: string;
  /** late, failing, recovered or test. */
  kind: string;
  /** The message's facts as JSON (AlertMessage). */
  payload: string;
  created_ms: number;
  /** pending, sent, failed (gave up) or skipped (no webhook configured). */
  status: string;
  attempts: number;
  next_attempt_ms: number | null;
  sent_ms: number | null;
  last_error: string | null;
}

/** A replica's claim on syncing [start_ms, end_ms) of an instance, renewed while it works. */
export interface SyncLeasesTable {
  id: Generated<number>;
  instance_id: string;
  start_ms: number;
  end_ms: number;
  holder: string;
  expires_ms: number;
  fetched: Generated<number>;
  total: number | null;
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
  cluster_set_nodes: ClusterSetNodesTable;
  instance_kinds: InstanceKindsTable;
  backup_policies: BackupPoliciesTable;
  policy_state: PolicyStateTable;
  health_state: HealthStateTable;
  alert_outbox: AlertOutboxTable;
  sync_leases: SyncLeasesTable;
  verifications: VerificationsTable;
}
