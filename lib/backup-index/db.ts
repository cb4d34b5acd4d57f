import 'server-only';
import type { Kysely } from 'kysely';
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { closeStore, openReaderOf, openStore, type StoreSpec } from '@/lib/db/database';
import { dropProcessSingleton, processSingleton } from '@/lib/process-singleton';
import { MIGRATIONS } from './migrations';
import type { IndexDatabase } from './schema';

// The index database: SQLite at DATA_DIR/index.db in WAL mode (or DATABASE_URL's PostgreSQL), opened and
// migrated once per process.

export type IndexDb = Kysely<IndexDatabase>;

function spec(): StoreSpec {
  return {
    label: 'The backup index (DATA_DIR/index.db or DATABASE_URL)',
    sqliteFile: path.resolve(getConfig().DATA_DIR, 'index.db'),
    migrations: MIGRATIONS,
    // The index can always be rebuilt from Alibaba Cloud: NORMAL is durable enough and much faster.
    synchronous: 'NORMAL',
    cacheKib: 16_000,
  };
}

export function getIndexDb(): Promise<IndexDb> {
  const opening = processSingleton('index-db', () => openStore<IndexDatabase>(spec()));
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
  return openReaderOf<IndexDatabase>({ ...spec(), cacheKib: 2_000 });
}

/** Closes the database (tests that change DATA_DIR). */
export async function closeIndexDbForTests(): Promise<void> {
  const db = dropProcessSingleton<Promise<IndexDb>>('index-db');
  await closeStore((await db?.catch(() => undefined)) as Kysely<unknown> | undefined);
}
