import 'server-only';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { dropProcessSingleton, processSingleton } from '@/lib/process-singleton';
import { MIGRATIONS } from './migrations';
import type { IndexDatabase } from './schema';

// The index database: SQLite at DATA_DIR/index.db in WAL mode, opened and migrated once per process.
// Kysely keeps the queries dialect-neutral, so PostgreSQL can take SQLite's place later.

export type IndexDb = Kysely<IndexDatabase>;

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

function indexFile(): string {
  return path.resolve(getConfig().DATA_DIR, 'index.db');
}

function connect(file: string, readonly = false): Database.Database {
  const conn = new Database(file, { readonly });
  if (!readonly) {
    conn.pragma('journal_mode = WAL');
    // The index can always be rebuilt from Alibaba Cloud: NORMAL is durable enough and much faster.
    conn.pragma('synchronous = NORMAL');
  }
  conn.pragma('busy_timeout = 5000');
  // Pages cached per connection (KiB): the main one serves every view, a reader one long scan.
  conn.pragma(`cache_size = ${readonly ? -2000 : -16000}`);
  return conn;
}

async function open(): Promise<IndexDb> {
  const file = indexFile();
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Kysely<IndexDatabase>({ dialect: new SqliteDialect({ database: connect(file) }) });
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(
      `The backup index at ${file} could not be migrated${failed ? ` (${failed.migrationName})` : ''}: ${
        error instanceof Error ? error.message : String(error ?? 'unknown error')
      }`,
    );
  }
  return db;
}

export function getIndexDb(): Promise<IndexDb> {
  const opening = processSingleton('index-db', open);
  // A failed open is not kept: the next request tries again. (The handler returns nothing: returning the
  // dropped, rejected promise would reject this chain too, and nobody awaits it.)
  opening.catch(() => {
    dropProcessSingleton('index-db');
  });
  return opening;
}

/**
 * A connection of its own for one long read (an export): WAL lets it read while the main connection
 * writes, and a slow client holds nobody else up. Close it with `destroy()`.
 */
export async function openReader(): Promise<IndexDb> {
  await getIndexDb();
  return new Kysely<IndexDatabase>({ dialect: new SqliteDialect({ database: connect(indexFile(), true) }) });
}

/** Closes the database (tests that change DATA_DIR). */
export async function closeIndexDbForTests(): Promise<void> {
  const db = dropProcessSingleton<Promise<IndexDb>>('index-db');
  await (await db?.catch(() => null))?.destroy();
}
