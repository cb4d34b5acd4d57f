import 'server-only';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { getConfig } from '@/lib/config';
import { dropProcessSingleton, processSingleton } from '@/lib/process-singleton';
import { migrate, type Migrations } from './migrate';
import { postgresKysely, postgresPool } from './postgres';

// Where each piece of state lives. Without DATABASE_URL every piece keeps its own SQLite file, as it always
// has; with it, every piece shares one PostgreSQL database and pool per process. A piece names its file,
// its migrations and Kysely's bookkeeping table for them; its queries are one Kysely code path for both.

export interface StoreSpec {
  /** Says which setting to check when it cannot be opened: "The audit log (AUDIT_DB_PATH)". */
  label: string;
  /** The SQLite file when DATABASE_URL is not set. */
  sqliteFile: string;
  migrations: Migrations;
  /** Kysely's table of applied migrations; each piece has its own (the index keeps Kysely's default). */
  migrationTable?: string;
  /** SQLite's synchronous pragma: FULL where a committed row must survive a power cut. */
  synchronous?: 'FULL' | 'NORMAL';
  /** SQLite page cache of the connection, in KiB. */
  cacheKib?: number;
}

interface SharedPostgres {
  pool: pg.Pool;
  db: Kysely<unknown>;
}

export function usesPostgres(): boolean {
  return getConfig().DATABASE_URL !== undefined;
}

function sharedPostgres(): SharedPostgres {
  return processSingleton('postgres', () => {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = getConfig();
    const pool = postgresPool(DATABASE_URL!, DATABASE_POOL_SIZE);
    return { pool, db: postgresKysely(pool) };
  });
}

export function openSqlite(
  file: string,
  {
    readonly = false,
    synchronous = 'NORMAL',
    cacheKib = 2_000,
  }: Partial<StoreSpec> & { readonly?: boolean } = {},
): Database.Database {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const conn = new Database(file, { readonly });
  if (!readonly) {
    conn.pragma('journal_mode = WAL');
    conn.pragma(`synchronous = ${synchronous}`);
  }
  conn.pragma('busy_timeout = 5000');
  conn.pragma(`cache_size = ${-cacheKib}`);
  return conn;
}

/**
 * Opens a piece's database and brings it to its latest migration. On PostgreSQL the Kysely instance is
 * the shared one: never `destroy()` it (closeStore does the right thing for either).
 */
export async function openStore<T>(spec: StoreSpec): Promise<Kysely<T>> {
  const db = usesPostgres()
    ? (sharedPostgres().db as Kysely<T>)
    : new Kysely<T>({ dialect: new SqliteDialect({ database: openSqlite(spec.sqliteFile, spec) }) });
  try {
    await migrate(db, spec.migrations, spec.migrationTable);
  } catch (err) {
    await closeStore(db as Kysely<unknown>);
    throw new Error(`${spec.label} could not be opened or migrated: ${(err as Error).message}`);
  }
  return db;
}

/** Closes a piece's SQLite file; the shared PostgreSQL pool stays for the other pieces. */
export async function closeStore(db: Kysely<unknown> | undefined): Promise<void> {
  if (db && db !== processSingletonPostgresDb()) await db.destroy();
}

function processSingletonPostgresDb(): Kysely<unknown> | undefined {
  return usesPostgres() ? sharedPostgres().db : undefined;
}

/**
 * A connection of its own for one long read (an export), so a slow client holds nobody else up:
 * a read-only SQLite connection, or a one-connection PostgreSQL pool. Close it with `destroy()`.
 */
export function openReaderOf<T>(spec: StoreSpec): Kysely<T> {
  const { DATABASE_URL } = getConfig();
  if (DATABASE_URL) return postgresKysely<T>(postgresPool(DATABASE_URL, 1));
  return new Kysely<T>({
    dialect: new SqliteDialect({ database: openSqlite(spec.sqliteFile, { ...spec, readonly: true }) }),
  });
}

/** Ends the shared PostgreSQL pool (tests that change DATABASE_URL). */
export async function closePostgresForTests(): Promise<void> {
  const shared = dropProcessSingleton<SharedPostgres>('postgres');
  await shared?.db.destroy();
}
