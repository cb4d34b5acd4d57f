import type { Generated, Kysely } from 'kysely';
import { withIdColumn, type Migrations } from '@/lib/db/migrate';

// The shared event log's table (only in DATABASE_URL's PostgreSQL at run time: without it one process
// keeps its events in memory).

export const LIMITS_MIGRATIONS: Migrations = {
  '013_limit_events': {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db, db.schema.createTable('limit_events'))
        .addColumn('log', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('at_ms', 'bigint', (c) => c.notNull())
        .addColumn('expires_ms', 'bigint', (c) => c.notNull())
        .addColumn('data', 'text')
        .execute();
      await db.schema
        .createIndex('limit_events_key')
        .on('limit_events')
        .columns(['log', 'key', 'at_ms'])
        .execute();
      await db.schema.createIndex('limit_events_expires').on('limit_events').column('expires_ms').execute();
    },
  },
};

export interface LimitsDatabase {
  limit_events: {
    id: Generated<number>;
    log: string;
    key: string;
    at_ms: number;
    expires_ms: number;
    data: string | null;
  };
}
