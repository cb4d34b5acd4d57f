import 'server-only';
import type { Kysely } from 'kysely';
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { openStore } from '@/lib/db/database';
import { SESSIONS_MIGRATIONS, type SessionsDatabase } from './migrations';

// Where revoked sessions are kept: SQLite at DATA_DIR/sessions.db, shared by every process on this host, or
// DATABASE_URL's PostgreSQL, shared by every replica. Rows are only ever added (and pruned once they no
// longer matter), so a reader catches up by asking for the rows after the last id it saw.

export type RevocationKind = 'session' | 'user';

export interface Revocation {
  id: number;
  kind: RevocationKind;
  /** A session id (`sid` of the token) or a username. */
  subject: string;
  revokedAt: number;
  /** After this, every token the row could refuse has expired anyway. */
  expiresAt: number;
}

export interface RevocationStore {
  add(row: Omit<Revocation, 'id'>): Promise<void>;
  /** Rows after `id` that still matter at `now`, oldest first. */
  since(id: number, now: number): Promise<Revocation[]>;
  prune(now: number): Promise<void>;
}

export function openSessionsDb(): Promise<Kysely<SessionsDatabase>> {
  return openStore<SessionsDatabase>({
    label: 'The session revocations (DATA_DIR/sessions.db or DATABASE_URL)',
    sqliteFile: path.join(getConfig().DATA_DIR, 'sessions.db'),
    migrations: SESSIONS_MIGRATIONS,
    migrationTable: 'kysely_migration_sessions',
    synchronous: 'FULL',
  });
}

export function revocationStore(db: Promise<Kysely<SessionsDatabase>> = openSessionsDb()): RevocationStore {
  // Opened once; a failed open is tried again on the next call (and never an unhandled rejection meanwhile).
  let opening = db;
  opening.catch(() => undefined);
  const opened = () =>
    opening.catch((err: unknown) => {
      opening = openSessionsDb();
      opening.catch(() => undefined);
      throw err;
    });
  return {
    async add(row) {
      await (
        await opened()
      )
        .insertInto('revocations')
        .values({
          kind: row.kind,
          subject: row.subject,
          revoked_at: row.revokedAt,
          expires_at: row.expiresAt,
        })
        .execute();
    },
    async since(id, now) {
      return (await opened())
        .selectFrom('revocations')
        .select(['id', 'kind', 'subject', 'revoked_at as revokedAt', 'expires_at as expiresAt'])
        .where('id', '>', id)
        .where('expires_at', '>', now)
        .orderBy('id')
        .execute();
    },
    async prune(now) {
      await (await opened()).deleteFrom('revocations').where('expires_at', '<=', now).execute();
    },
  };
}
