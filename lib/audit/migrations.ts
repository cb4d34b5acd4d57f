import type { Kysely } from 'kysely';
import type { Migrations } from '@/lib/db/migrate';
import { withIdColumn } from '@/lib/db/migrate';

// The audit log's tables. `if not exists` throughout: audit files written before migrations existed already
// hold the table and indexes, and adopt this history unchanged.

export const AUDIT_MIGRATIONS: Migrations = {
  '013_a_audit': {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db, db.schema.createTable('audit').ifNotExists())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('user', 'text')
        .addColumn('role', 'text')
        .addColumn('instance_id', 'text')
        .addColumn('backup_id', 'text')
        .addColumn('variant', 'text')
        .addColumn('address', 'text')
        .addColumn('status', 'integer')
        .addColumn('detail', 'text')
        .execute();
      await db.schema.createIndex('audit_at').ifNotExists().on('audit').column('at').execute();
      await db.schema
        .createIndex('audit_action_at')
        .ifNotExists()
        .on('audit')
        .columns(['action', 'at'])
        .execute();
      await db.schema
        .createIndex('audit_user_at')
        .ifNotExists()
        .on('audit')
        .columns(['user', 'at'])
        .execute();
    },
  },
  '013_b_audit_probe': {
    // The row /api/ready rewrites (the index has a `probe` table of its own in the same PostgreSQL).
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('audit_probe')
        .ifNotExists()
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('at_ms', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};

export interface AuditDatabase {
  audit: {
    id: import('kysely').Generated<number>;
    at: string;
    action: string;
    user: string | null;
    role: string | null;
    instance_id: string | null;
    backup_id: string | null;
    variant: string | null;
    address: string | null;
    status: number | null;
    detail: string | null;
  };
  audit_probe: { name: string; at_ms: number };
}
