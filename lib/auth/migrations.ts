import { sql, type Generated, type Kysely } from 'kysely';
import { withIdColumn, type Migrations } from '@/lib/db/migrate';

// The sessions database's tables (DATA_DIR/sessions.db, or DATABASE_URL). `if not exists`: files written
// before migrations existed already hold them.

export const SESSIONS_MIGRATIONS: Migrations = {
  '013_revocations': {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db, db.schema.createTable('revocations').ifNotExists())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addCheckConstraint('revocations_kind', sql`kind in ('session', 'user')`)
        .execute();
      await db.schema
        .createIndex('revocations_expires_at')
        .ifNotExists()
        .on('revocations')
        .column('expires_at')
        .execute();
    },
  },
};

export interface SessionsDatabase {
  revocations: {
    id: Generated<number>;
    kind: 'session' | 'user';
    subject: string;
    revoked_at: number;
    expires_at: number;
  };
}
