import 'server-only';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { appMetrics } from '@/lib/metrics/registry';
import { processSingleton } from '@/lib/process-singleton';
import type { AuditAction, AuditQuery, AuditRow } from './audit-query';

// The audit log: SQLite in WAL mode with synchronous=FULL, written synchronously, so a row is on
// disk before the caller sends its answer and a killed process loses no answered download. Rows an
// attacker can cause by the thousand go through a short, unsynced batch instead (recordAuditSoon).

export interface AuditEvent {
  action: AuditAction;
  user: string | null;
  role?: string | null;
  instanceId?: string | null;
  backupId?: string | null;
  variant?: string | null;
  address?: string | null;
  status?: number | null;
  detail?: string | null;
}

const PRUNE_EVERY_MS = 60 * 60_000;

let db: Database.Database | undefined;
let lastPrune = 0;

function open(): Database.Database {
  if (db) return db;
  const file = path.resolve(getConfig().AUDIT_DB_PATH);
  mkdirSync(path.dirname(file), { recursive: true });
  const conn = new Database(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = FULL');
  conn.exec(`
    CREATE TABLE IF NOT EXISTS audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      user TEXT,
      role TEXT,
      instance_id TEXT,
      backup_id TEXT,
      variant TEXT,
      address TEXT,
      status INTEGER,
      detail TEXT
    );
    CREATE INDEX IF NOT EXISTS audit_at ON audit (at);
    CREATE INDEX IF NOT EXISTS audit_action_at ON audit (action, at);
    CREATE INDEX IF NOT EXISTS audit_user_at ON audit (user, at);
    CREATE TABLE IF NOT EXISTS probe (name TEXT PRIMARY KEY, at_ms INTEGER NOT NULL);
  `);
  db = conn;
  return conn;
}

function pruneIfDue(conn: Database.Database): void {
  const now = Date.now();
  if (now - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now;
  const cutoff = new Date(now - getConfig().AUDIT_RETENTION_DAYS * 86_400_000).toISOString();
  conn.prepare('DELETE FROM audit WHERE at < ?').run(cutoff);
}

function toRow(event: AuditEvent) {
  return {
    at: new Date().toISOString(),
    action: event.action,
    user: event.user,
    role: event.role ?? null,
    instanceId: event.instanceId ?? null,
    backupId: event.backupId ?? null,
    variant: event.variant ?? null,
    address: event.address ?? null,
    status: event.status ?? null,
    detail: event.detail?.slice(0, 500) ?? null,
  };
}

type Row = ReturnType<typeof toRow>;

function insert(conn: Database.Database): Database.Statement<Row> {
  return conn.prepare(
    `INSERT INTO audit (at, action, user, role, instance_id, backup_id, variant, address, status, detail)
     VALUES (@at, @action, @user, @role, @instanceId, @backupId, @variant, @address, @status, @detail)`,
  );
}

/** On disk before it returns: for what must survive a crash once answered (downloads, sign-ins, denials). */
export function recordAudit(event: AuditEvent): void {
  const conn = open();
  pruneIfDue(conn);
  insert(conn).run(toRow(event));
  appMetrics().auditRows.inc({ action: event.action });
}

const BATCH_DELAY_MS = 100;
const BATCH_MAX = 500;

interface Batch {
  rows: Row[];
  timer?: NodeJS.Timeout;
  conn?: Database.Database;
  flush: () => void;
}

/**
 * Its own connection with synchronous=NORMAL: a commit is written to the OS but not synced, so a killed
 * server loses none of these rows (a power cut may lose the last batches), and no flush stalls requests.
 */
function openForBatches(): Database.Database {
  open();
  const conn = new Database(path.resolve(getConfig().AUDIT_DB_PATH));
  conn.pragma('synchronous = NORMAL');
  return conn;
}

/** One batch per process: rows queued by one route bundle are seen by the audit reader of another. */
function batch(): Batch {
  return processSingleton('audit-batch', () => {
    const b: Batch = {
      rows: [],
      flush: () => {
        clearTimeout(b.timer);
        b.timer = undefined;
        const rows = b.rows.splice(0);
        if (!rows.length) return;
        b.conn ??= openForBatches();
        const stmt = insert(b.conn);
        b.conn.transaction(() => rows.forEach((r) => stmt.run(r)))();
        for (const r of rows) appMetrics().auditRows.inc({ action: r.action });
      },
    };
    process.once('exit', () => b.flush());
    return b;
  });
}

/**
 * Written within 100 ms, many rows to one commit and no disk sync: for rows an attacker can cause in
 * bulk (failed and throttled sign-ins), where a sync per row would stall every other request. Readers
 * flush first, so they see every row.
 */
export function recordAuditSoon(event: AuditEvent): void {
  const b = batch();
  b.rows.push(toRow(event));
  if (b.rows.length >= BATCH_MAX) b.flush();
  else b.timer ??= setTimeout(b.flush, BATCH_DELAY_MS).unref();
}

function where(q: AuditQuery): { sql: string; args: Record<string, string> } {
  const filters: [string, string | undefined][] = [
    ['action = @action', q.action],
    ['user = @user', q.user],
    ['at >= @from', q.from],
    ['at <= @to', q.to],
  ];
  const args: Record<string, string> = {};
  const clauses: string[] = [];
  for (const [clause, value] of filters) {
    if (value === undefined) continue;
    clauses.push(clause);
    args[clause.split('@')[1]!] = value;
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', args };
}

const COLUMNS = `id, at, action, user, role, instance_id AS instanceId, backup_id AS backupId, variant, address, status, detail`;

export function listAudit(q: AuditQuery): { rows: AuditRow[]; total: number } {
  batch().flush();
  const conn = open();
  const { sql, args } = where(q);
  const total = (conn.prepare(`SELECT COUNT(*) AS n FROM audit ${sql}`).get(args) as { n: number }).n;
  const rows = conn
    .prepare(`SELECT ${COLUMNS} FROM audit ${sql} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...args, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as AuditRow[];
  return { rows, total };
}

/**
 * Every matching row, newest first, a batch at a time (for the CSV export). Batches, not one open
 * cursor: a cursor would keep the connection busy and block audit writes while a client downloads.
 */
export function* iterateAudit(q: AuditQuery, batchSize = 1000): Generator<AuditRow> {
  batch().flush();
  const { sql, args } = where(q);
  const keyset = sql ? `${sql} AND id < @before` : 'WHERE id < @before';
  const stmt = open().prepare(`SELECT ${COLUMNS} FROM audit ${keyset} ORDER BY id DESC LIMIT @limit`);
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = stmt.all({ ...args, before, limit: batchSize }) as AuditRow[];
    yield* rows;
    if (rows.length < batchSize) return;
    before = rows[rows.length - 1]!.id;
  }
}

/** For /api/ready: rewrites one row of its own, committed like an audit row, so a refused write shows. */
export function probeAuditWrite(): void {
  open()
    .prepare(
      `INSERT INTO probe (name, at_ms) VALUES ('ready', @at) ON CONFLICT (name) DO UPDATE SET at_ms = excluded.at_ms`,
    )
    .run({ at: Date.now() });
}

/** Closes the log (tests that change AUDIT_DB_PATH). */
export function closeAuditDbForTests(): void {
  db?.close();
  db = undefined;
}

export interface RecentSignIn {
  user: string;
  role: string | null;
  lastAt: string;
  address: string | null;
  count: number;
}

/** Who signed in since `since` (ISO), the latest first: the people who may hold a session now. */
export function recentSignIns(since: string, limit = 200): RecentSignIn[] {
  // SQLite takes role and address from the row that holds MAX(at).
  return open()
    .prepare(
      `SELECT user, role, MAX(at) AS lastAt, address, COUNT(*) AS count FROM audit
       WHERE action = 'sign_in' AND at >= ? AND user IS NOT NULL
       GROUP BY user ORDER BY lastAt DESC LIMIT ?`,
    )
    .all(since, limit) as RecentSignIn[];
}

export function pruneAuditNow(): void {
  lastPrune = 0;
  pruneIfDue(open());
}
