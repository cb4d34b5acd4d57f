import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely';
import { withIdColumn } from '@/lib/db/migrate';

// Numbered migrations, applied in order at start-up by Kysely's migrator (which records them and takes a
// lock, so two processes starting at once apply each one once). Never edit a shipped one: add the next.

export const MIGRATIONS: Record<string, Migration> = {
  '001_backup_index': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('backups')
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .addColumn('backup_id', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text')
        .addColumn('node', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('start_ms', 'bigint', (c) => c.notNull())
        .addColumn('start_time', 'text', (c) => c.notNull())
        .addColumn('end_time', 'text')
        .addColumn('duration', 'integer')
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('db_names', 'text')
        .addColumn('engine_version', 'text')
        .addColumn('expect_expire_time', 'text')
        .addColumn('recover_config', 'text')
        .addPrimaryKeyConstraint('backups_pk', ['instance_id', 'backup_id'])
        .execute();
      // Matches the table's default order (newest first, then id: int64 text, shorter is smaller), so a
      // page or an export in that order is read off the index without sorting.
      await sql`CREATE INDEX backups_start ON backups (instance_id, start_ms, length(backup_id), backup_id)`.execute(
        db,
      );
      await db.schema
        .createIndex('backups_status_start')
        .on('backups')
        .columns(['instance_id', 'status', 'start_ms'])
        .execute();

      await db.schema
        .createTable('backup_days')
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .addColumn('day_ms', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('node', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addColumn('bytes', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('backup_days_pk', [
          'instance_id',
          'day_ms',
          'status',
          'type',
          'mode',
          'method',
          'node',
        ])
        .execute();

      await db.schema
        .createTable('coverage')
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .addColumn('start_ms', 'bigint', (c) => c.notNull())
        .addColumn('end_ms', 'bigint', (c) => c.notNull())
        .addColumn('synced_ms', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('coverage_pk', ['instance_id', 'start_ms'])
        .execute();

      await db.schema
        .createTable('sync_state')
        .addColumn('instance_id', 'text', (c) => c.primaryKey())
        .addColumn('full_storage', 'bigint')
        .addColumn('log_storage', 'bigint')
        .addColumn('last_success_ms', 'bigint')
        .addColumn('last_error_ms', 'bigint')
        .addColumn('last_error_code', 'text')
        .addColumn('last_error_message', 'text')
        .addColumn('last_error_request_id', 'text')
        .execute();

      await db.schema
        .createTable('instances')
        .addColumn('instance_id', 'text', (c) => c.primaryKey())
        .addColumn('region_id', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('synced_ms', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '002_readiness_probe': {
    // One row /api/ready rewrites, proving the database takes writes without touching real data.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('probe')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('at_ms', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '009_a_cluster_sets': {
    // Cloud-native clusters: a backup set is a row of `backups` (its id `cb-…`, its node counts here) and its
    // node backups live beside it. Jobs of classic clusters are looked up by job id.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('backups').addColumn('node_count', 'integer').execute();
      await db.schema.alterTable('backups').addColumn('nodes_unavailable', 'integer').execute();
      await db.schema.createIndex('backups_job').on('backups').columns(['instance_id', 'job_id']).execute();
      await db.schema
        .createTable('cluster_set_nodes')
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .addColumn('set_id', 'text', (c) => c.notNull())
        .addColumn('backup_id', 'text', (c) => c.notNull())
        .addColumn('node', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('start_time', 'text', (c) => c.notNull())
        .addColumn('end_time', 'text')
        .addColumn('duration', 'integer')
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('engine_version', 'text')
        .addColumn('expect_expire_time', 'text')
        .addColumn('recover_config', 'text')
        .addPrimaryKeyConstraint('cluster_set_nodes_pk', ['instance_id', 'backup_id'])
        .execute();
      await db.schema
        .createIndex('cluster_set_nodes_set')
        .on('cluster_set_nodes')
        .columns(['instance_id', 'set_id'])
        .execute();
    },
  },
  '009_b_instance_kinds': {
    // What DescribeInstanceAttribute said about each instance: which API lists its backups, and the start of
    // its flashback window.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('instance_kinds')
        .addColumn('instance_id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('shard_count', 'integer')
        .addColumn('log_start_time', 'text')
        .addColumn('synced_ms', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '010_a_backup_policies': {
    // Each instance's backup policy as versions (a change starts a new one, so windows before it are judged by
    // the policy then in force), and when it was last read or refused.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('backup_policies')
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .addColumn('from_ms', 'bigint', (c) => c.notNull())
        .addColumn('weekdays', 'text', (c) => c.notNull())
        .addColumn('window_start', 'integer')
        .addColumn('window_minutes', 'integer')
        .addColumn('retention_days', 'integer')
        .addColumn('log_backup', 'integer')
        .addPrimaryKeyConstraint('backup_policies_pk', ['instance_id', 'from_ms'])
        .execute();
      await db.schema
        .createTable('policy_state')
        .addColumn('instance_id', 'text', (c) => c.primaryKey())
        .addColumn('checked_ms', 'bigint', (c) => c.notNull())
        .addColumn('next_backup_time', 'text')
        .addColumn('error_ms', 'bigint')
        .addColumn('error_code', 'text')
        .addColumn('error_message', 'text')
        .execute();
    },
  },
  '010_b_health_alerts': {
    // The last health state per instance (what a transition is measured against) and the alert outbox: a
    // message is a row written in the same transaction as the state change, sent later, marked when sent.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('health_state')
        .addColumn('instance_id', 'text', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('alert_state', 'text', (c) => c.notNull())
        .addColumn('since_ms', 'bigint', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('evaluated_ms', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('alert_outbox')
        // The transition's own key (instance, transition, when): a second write of it is a no-op.
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_ms', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_ms', 'bigint')
        .addColumn('sent_ms', 'bigint')
        .addColumn('last_error', 'text')
        .execute();
      await db.schema
        .createIndex('alert_outbox_due')
        .on('alert_outbox')
        .columns(['status', 'next_attempt_ms'])
        .execute();
      await db.schema.createIndex('alert_outbox_created').on('alert_outbox').column('created_ms').execute();
    },
  },
  '012_verifications': {
    // The latest verification of each backup (lib/verify/): one row per backup, replaced by the next run.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('verifications')
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .addColumn('backup_id', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('problem_code', 'text')
        .addColumn('problem_offset', 'bigint')
        .addColumn('problem_params', 'text')
        .addColumn('rdb_version', 'integer')
        .addColumn('redis_version', 'text')
        .addColumn('created_at', 'text')
        .addColumn('key_count', 'bigint', (c) => c.notNull())
        .addColumn('expire_count', 'bigint', (c) => c.notNull())
        .addColumn('keys_by_db', 'text', (c) => c.notNull())
        .addColumn('keys_by_type', 'text', (c) => c.notNull())
        .addColumn('checksum', 'text')
        .addColumn('bytes_read', 'bigint', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('duration_ms', 'bigint', (c) => c.notNull())
        .addColumn('started_ms', 'bigint', (c) => c.notNull())
        .addColumn('finished_ms', 'bigint', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('username', 'text')
        .addPrimaryKeyConstraint('verifications_pk', ['instance_id', 'backup_id'])
        .execute();
      await db.schema
        .createIndex('verifications_finished')
        .on('verifications')
        .columns(['instance_id', 'finished_ms'])
        .execute();
    },
  },
  '013_a_sync_leases': {
    // Who is syncing which interval of an instance, until when: replicas on one database sync an interval
    // once, and a dead holder's lease runs out. Progress is kept here so a waiting replica can show it.
    async up(db: Kysely<unknown>) {
      await withIdColumn(db, db.schema.createTable('sync_leases'))
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .addColumn('start_ms', 'bigint', (c) => c.notNull())
        .addColumn('end_ms', 'bigint', (c) => c.notNull())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('expires_ms', 'bigint', (c) => c.notNull())
        .addColumn('fetched', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('total', 'integer')
        .execute();
      await db.schema
        .createIndex('sync_leases_instance')
        .on('sync_leases')
        .columns(['instance_id', 'start_ms'])
        .execute();
    },
  },
};
