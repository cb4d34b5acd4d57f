import {
  sql,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  type QueryExecutorProvider,
  Migrator,
  type Migration,
  type MigrationProvider,
} from 'kysely';

// Migrations are Kysely schema-builder code in types both engines share (integer, bigint, text, real), so the
// same list runs on SQLite and PostgreSQL. Kysely's migrator records what ran and, on PostgreSQL, holds an
// advisory lock while it runs: replicas that start at once apply each migration once.

export type Migrations = Record<string, Migration>;

export async function migrate<T>(db: Kysely<T>, migrations: Migrations, table?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider,
    ...(table ? { migrationTableName: table, migrationLockTableName: `${table}_lock` } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed)
    throw new Error(
      `${failed ? `migration ${failed.migrationName} failed: ` : ''}${
        error instanceof Error ? error.message : String(error ?? 'unknown error')
      }`,
    );
}

/**
 * By what the adapter can do, not `instanceof`: the Next.js bundle may hold more than one copy of Kysely's
 * classes. Of Kysely's dialects only PostgreSQL has both transactional DDL and RETURNING.
 */
export function isPostgres(db: QueryExecutorProvider): boolean {
  const { adapter } = db.getExecutor();
  return adapter.supportsTransactionalDdl === true && adapter.supportsReturning === true;
}

/**
 * The one column whose spelling differs: a generated id. SQLite's AUTOINCREMENT never reuses an id,
 * PostgreSQL's identity does the same; both give ids in commit order per writer.
 */
export function withIdColumn<T extends string>(
  db: Kysely<unknown>,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return isPostgres(db)
    ? table.addColumn('id', 'bigint', (c: ColumnDefinitionBuilder) =>
        c.primaryKey().generatedByDefaultAsIdentity(),
      )
    : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}

/**
 * Inside a transaction: waits until no other transaction, in any replica, holds `key`, and holds it until
 * this one ends. SQLite needs nothing: its one connection per process runs one transaction at a time, and
 * SQLite files are never shared by replicas.
 */
export async function lockForTransaction(trx: QueryExecutorProvider, key: string): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}
