import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';

// PostgreSQL through Kysely's own dialect. Counts and millisecond times are int8 and sums numeric, which pg
// hands over as strings; every value the console keeps fits a double, so they are read as numbers, the way
// the SQLite driver reads them.

const INT8 = 20;
const NUMERIC = 1700;

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function postgresPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types, application_name: 'kvstore-backups' });
  // An idle connection the server dropped (a restart, a failover) must not bring the process down.
  pool.on('error', (err) => console.error('[db] idle PostgreSQL connection failed:', err.message));
  return pool;
}

export function postgresKysely<T>(pool: pg.Pool): Kysely<T> {
  return new Kysely<T>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
}
