import 'server-only';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { closeStore, openStore, usesPostgres, type StoreSpec } from '@/lib/db/database';
import { appMetrics } from '@/lib/metrics/registry';
import { dropProcessSingleton, processSingleton } from '@/lib/process-singleton';
import type { AuditAction, AuditQuery, AuditRow } from './audit-query';
import { AUDIT_MIGRATIONS, type AuditDatabase } from './migrations';

// The audit log: SQLite at AUDIT_DB_PATH in WAL mode with synchronous=FULL, or DATABASE_URL's PostgreSQL
// (which commits durably by default). A row is committed before the caller sends its answer, so a killed
// process loses no answered download. Rows an attacker can cause by the thousand go through a short
// batch instead (recordAuditSoon). Ids follow commit order: the log's order, across replicas too.

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

type Db = Kysely<AuditDatabase>;

const PRUNE_EVERY_MS = 60 * 60_000;

let lastPrune = 0;

function spec(synchronous: 'FULL' | 'NORMAL'): StoreSpec {
  return {
    label: 'The audit log (AUDIT_DB_PATH or DATABASE_URL)',
    sqliteFile: path.resolve(getConfig().AUDIT_DB_PATH),
    migrations: AUDIT_MIGRATIONS,
    migrationTable: 'kysely_migration_audit',
    synchronous,
  };
}

function opened(key: string, open: () => Promise<Db>): Promise<Db> {
  const opening = processSingleton(key, open);
  opening.catch(() => {
    dropProcessSingleton(key);
  });
  return opening;
}

const auditDb = () => opened('audit-db', () => openStore<AuditDatabase>(spec('FULL')));

/**
 * For batches: on SQLite a connection of its own with synchronous=NORMAL, so a commit is written to the
 * OS but not synced (a killed server loses none of these rows, a power cut may lose the last batches) and
 * no flush stalls requests. PostgreSQL commits a batch as one transaction of the shared pool.
 */
const batchDb = () =>
  usesPostgres() ? auditDb() : opened('audit-batch-db', () => openStore<AuditDatabase>(spec('NORMAL')));

async function pruneIfDue(db: Db): Promise<void> {
  const now = Date.now();
  if (now - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now;
  const cutoff = new Date(now - getConfig().AUDIT_RETENTION_DAYS * 86_400_000).toISOString();
  await db.deleteFrom('audit').where('at', '<', cutoff).execute();
}

function toRow(event: AuditEvent) {
  return {
    at: new Date().toISOString(),
    action: event.action,
    user: event.user,
    role: event.role ?? null,
    instance_id: event.instanceId ?? null,
    backup_id: event.backupId ?? null,
    variant: event.variant ?? null,
    address: event.address ?? null,
    status: event.status ?? null,
    detail: event.detail?.slice(0, 500) ?? null,
  };
}

type Row = ReturnType<typeof toRow>;

/** Committed before it resolves: for what must survive a crash once answered (downloads, sign-ins, denials). */
export async function recordAudit(event: AuditEvent): Promise<void> {
  const db = await auditDb();
  await pruneIfDue(db);
  await db.insertInto('audit').values(toRow(event)).execute();
  appMetrics().auditRows.inc({ action: event.action });
}

const BATCH_DELAY_MS = 100;
const BATCH_MAX = 500;

interface Batch {
  rows: Row[];
  timer?: NodeJS.Timeout;
  /** Writes what is queued; server.ts awaits it when it stops. */
  flush: () => Promise<void>;
}

/** One batch per process: rows queued by one route bundle are seen by the audit reader of another. */
function batch(): Batch {
  return processSingleton('audit-batch', () => {
    const b: Batch = {
      rows: [],
      flush: async () => {
        clearTimeout(b.timer);
        b.timer = undefined;
        const rows = b.rows.splice(0);
        if (!rows.length) return;
        const db = await batchDb();
        await db.insertInto('audit').values(rows).execute();
        for (const r of rows) appMetrics().auditRows.inc({ action: r.action });
      },
    };
    return b;
  });
}

function flushLater(b: Batch): void {
  b.flush().catch((err: unknown) =>
    console.error('[audit] a batch of rows could not be written:', err instanceof Error ? err.message : err),
  );
}

/**
 * Written within 100 ms, many rows to one commit: for rows an attacker can cause in bulk (failed and
 * throttled sign-ins), where a commit per row would stall every other request. Readers flush first, so
 * they see every row.
 */
export function recordAuditSoon(event: AuditEvent): void {
  const b = batch();
  b.rows.push(toRow(event));
  if (b.rows.length >= BATCH_MAX) flushLater(b);
  else b.timer ??= setTimeout(() => flushLater(b), BATCH_DELAY_MS).unref();
}

function filtered<O>(query: SelectQueryBuilder<AuditDatabase, 'audit', O>, q: AuditQuery) {
  let out = query;
  if (q.action !== undefined) out = out.where('action', '=', q.action);
  if (q.user !== undefined) out = out.where('user', '=', q.user);
  if (q.from !== undefined) out = out.where('at', '>=', q.from);
  if (q.to !== undefined) out = out.where('at', '<=', q.to);
  return out;
}

const COLUMNS = [
  'id',
  'at',
  'action',
  'user',
  'role',
  'instance_id as instanceId',
  'backup_id as backupId',
  'variant',
  'address',
  'status',
  'detail',
] as const;

export async function listAudit(q: AuditQuery): Promise<{ rows: AuditRow[]; total: number }> {
  await batch().flush();
  const db = await auditDb();
  const [{ n }, rows] = await Promise.all([
    filtered(db.selectFrom('audit'), q)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    filtered(db.selectFrom('audit'), q)
      .select(COLUMNS)
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return { rows: rows as AuditRow[], total: Number(n) };
}

/**
 * Every matching row, newest first, a batch at a time (for the CSV export). Batches, not one open
 * cursor: a cursor would keep a connection busy (and on SQLite block audit writes) while a client downloads.
 */
export async function* iterateAudit(q: AuditQuery, batchSize = 1000): AsyncGenerator<AuditRow> {
  await batch().flush();
  const db = await auditDb();
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = (await filtered(db.selectFrom('audit'), q)
      .select(COLUMNS)
      .where('id', '<', before)
      .orderBy('id', 'desc')
      .limit(batchSize)
      .execute()) as AuditRow[];
    yield* rows;
    if (rows.length < batchSize) return;
    before = rows[rows.length - 1]!.id;
  }
}

/** For /api/ready: rewrites one row of its own, committed like an audit row, so a refused write shows. */
export async function probeAuditWrite(): Promise<void> {
  await (
    await auditDb()
  )
    .insertInto('audit_probe')
    .values({ name: 'ready', at_ms: Date.now() })
    .onConflict((oc) => oc.column('name').doUpdateSet({ at_ms: (eb) => eb.ref('excluded.at_ms') }))
    .execute();
}

/** Closes the log (tests that change AUDIT_DB_PATH). */
export async function closeAuditDbForTests(): Promise<void> {
  for (const key of ['audit-db', 'audit-batch-db']) {
    const db = dropProcessSingleton<Promise<Db>>(key);
    await closeStore((await db?.catch(() => undefined)) as Kysely<unknown> | undefined);
  }
}

export interface RecentSignIn {
  user: string;
  role: string | null;
  lastAt: string;
  address: string | null;
  count: number;
}

/** Who signed in since `since` (ISO), the latest first: the people who may hold a session now. */
export async function recentSignIns(since: string, limit = 200): Promise<RecentSignIn[]> {
  const db = await auditDb();
  // Each user's latest sign-in row (ids follow commit order) with their count.
  const latest = db
    .selectFrom('audit')
    .select(['user', (eb) => eb.fn.max('id').as('last_id'), (eb) => eb.fn.countAll<number>().as('count')])
    .where('action', '=', 'sign_in')
    .where('at', '>=', since)
    .where('user', 'is not', null)
    .groupBy('user')
    .as('latest');
  const rows = await db
    .selectFrom('audit')
    .innerJoin(latest, 'latest.last_id', 'audit.id')
    .select(['audit.user', 'audit.role', 'audit.at as lastAt', 'audit.address', 'latest.count'])
    .orderBy('audit.at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, user: r.user!, count: Number(r.count) }));
}

export async function pruneAuditNow(): Promise<void> {
  lastPrune = 0;
  await pruneIfDue(await auditDb());
}
