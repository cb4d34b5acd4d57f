import 'server-only';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { getConfig } from '@/lib/config';

// Where revoked sessions are kept: SQLite at DATA_DIR/sessions.db, shared by every process on this
// host. Rows are only ever added (and pruned once they no longer matter), so a reader catches up by
// asking for the rows after the last id it saw. A shared PostgreSQL replaces this file, not its callers.

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
  add(row: Omit<Revocation, 'id'>): void;
  /** Rows after `id` that still matter at `now`, oldest first. */
  since(id: number, now: number): Revocation[];
  prune(now: number): void;
}

export function sqliteRevocationStore(
  file = path.join(getConfig().DATA_DIR, 'sessions.db'),
): RevocationStore {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS revocations (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN ('session', 'user')),
      subject TEXT NOT NULL,
      revoked_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS revocations_expires_at ON revocations (expires_at);
  `);
  const insert = db.prepare(
    'INSERT INTO revocations (kind, subject, revoked_at, expires_at) VALUES (@kind, @subject, @revokedAt, @expiresAt)',
  );
  const after = db.prepare(
    `SELECT id, kind, subject, revoked_at AS revokedAt, expires_at AS expiresAt FROM revocations
     WHERE id > ? AND expires_at > ? ORDER BY id`,
  );
  const prune = db.prepare('DELETE FROM revocations WHERE expires_at <= ?');
  return {
    add: (row) => void insert.run(row),
    since: (id, now) => after.all(id, now) as Revocation[],
    prune: (now) => void prune.run(now),
  };
}
