import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AUDIT_MIGRATIONS } from '@/lib/audit/migrations';
import { SESSIONS_MIGRATIONS } from '@/lib/auth/migrations';
import { MIGRATIONS } from '@/lib/backup-index/migrations';
import { LIMITS_MIGRATIONS } from '@/lib/limits/migrations';
import { DIALECTS, freshDb, freshPostgresUrl, postgresUrl } from '@/lib/testing/storage-dialects';
import { migrate } from './migrate';
import { postgresKysely, postgresPool } from './postgres';

// Every piece's migrations apply to either engine, side by side in one database, and again as a no-op.

const SETS = [
  [MIGRATIONS, undefined],
  [AUDIT_MIGRATIONS, 'kysely_migration_audit'],
  [SESSIONS_MIGRATIONS, 'kysely_migration_sessions'],
  [LIMITS_MIGRATIONS, 'kysely_migration_limits'],
] as const;

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  it('apply every set to one database, and a second time as a no-op', async () => {
    const db = await freshDb(dialect);
    try {
      for (let round = 0; round < 2; round++)
        for (const [migrations, table] of SETS) await migrate(db, migrations, table);
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      for (const t of [
        'backups',
        'coverage',
        'sync_leases',
        'audit',
        'audit_probe',
        'revocations',
        'limit_events',
      ])
        expect(tables).toContain(t);
    } finally {
      await db.destroy();
    }
  });
});

describe.skipIf(!postgresUrl())('migrations on postgres, replicas starting at once', () => {
  it('apply each migration once when four replicas migrate the same empty database together', async () => {
    const url = await freshPostgresUrl();
    const replicas = Array.from({ length: 4 }, () => postgresKysely(postgresPool(url, 2)));
    try {
      await Promise.all(
        replicas.map(async (db) => {
          for (const [migrations, table] of SETS) await migrate(db, migrations, table);
        }),
      );
      const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(
        replicas[0]!,
      );
      expect(rows[0]!.n).toBe(Object.keys(MIGRATIONS).length);
    } finally {
      await Promise.all(replicas.map((db) => db.destroy()));
    }
  });
});
