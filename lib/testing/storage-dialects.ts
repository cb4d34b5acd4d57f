import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate, type Migrations } from '@/lib/db/migrate';
import { postgresKysely, postgresPool } from '@/lib/db/postgres';

// The engines every storage test runs on: SQLite always, PostgreSQL when the run has one (see
// vitest-postgres.ts). Each call of `fresh` gives an empty database of its own.

export type Dialect = 'sqlite' | 'postgres';

export const postgresUrl = (): string | null => inject('postgresUrl');

/** The engines to run on, PostgreSQL only where there is one (vitest-postgres.ts said so loudly). */
export const DIALECTS: Dialect[] = postgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];

/** A new empty PostgreSQL database on the test server; returns its URL. */
export async function freshPostgresUrl(): Promise<string> {
  const admin = postgresUrl();
  if (!admin) throw new Error('no PostgreSQL in this run');
  const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return admin.replace(/\/[^/]*$/, `/${name}`);
}

/** A new database on `dialect`, as Kysely, with `migrations` applied; destroy() it when done. */
export async function freshDb<T>(
  dialect: Dialect,
  migrations?: Migrations,
  table?: string,
): Promise<Kysely<T>> {
  const db =
    dialect === 'postgres'
      ? postgresKysely<T>(postgresPool(await freshPostgresUrl(), 10))
      : new Kysely<T>({
          dialect: new SqliteDialect({
            database: new Database(path.join(mkdtempSync(path.join(os.tmpdir(), 'kvb-store-')), 'test.db')),
          }),
        });
  if (migrations) await migrate(db, migrations, table);
  return db;
}
