import 'server-only';
import { CompiledQuery, sql, type Kysely, type Selectable } from 'kysely';
import { toRecoverConfigMode } from '@/lib/aliyun/raw-values';
import type { Backup } from '@/lib/aliyun/types';
import { lockForTransaction } from '@/lib/db/migrate';
import { addPiece, type Interval, type Piece } from './coverage';
import type { IndexDatabase, BackupsTable, SyncStateTable } from './schema';

// Reads and writes of the index's tables. Every write of backups also refreshes the per-day counts of the
// days it touched, in the same transaction, so facet counts never disagree with the rows. Writes of one
// instance take its lock first: SQLite runs one transaction at a time anyway, PostgreSQL would otherwise let
// two (parallel pages, or two replicas) recount the same day at once.

type Db = Kysely<IndexDatabase>;
export type BackupRow = Selectable<BackupsTable>;

export const DAY_MS = 86_400_000;

const lockInstance = (trx: Db, instanceId: string) => lockForTransaction(trx, `index:${instanceId}`);
// SQLite allows 32,766 bound values a statement; 19 columns a row.
const INSERT_BATCH = 500;

export function toRow(b: Backup): BackupsTable | null {
  const startMs = Date.parse(b.startTime);
  if (Number.isNaN(startMs)) return null;
  return {
    instance_id: b.instanceId,
    backup_id: b.backupId,
    job_id: b.backupJobId,
    node: b.nodeInstanceId,
    status: b.status,
    type: b.type,
    mode: b.mode,
    method: b.method,
    start_ms: startMs,
    start_time: b.startTime,
    end_time: b.endTime,
    duration: b.durationSeconds,
    size: b.size,
    db_names: b.dbNames,
    engine_version: b.engineVersion,
    expect_expire_time: b.expectExpireTime,
    recover_config: b.recoverConfigMode?.raw ?? null,
    node_count: b.set?.nodes ?? null,
    nodes_unavailable: b.set?.unavailable ?? null,
  };
}

export function fromRow(r: BackupRow): Backup {
  return {
    backupId: r.backup_id,
    backupJobId: r.job_id,
    instanceId: r.instance_id,
    nodeInstanceId: r.node,
    status: r.status,
    type: r.type,
    mode: r.mode,
    method: r.method,
    startTime: r.start_time,
    endTime: r.end_time,
    durationSeconds: r.duration,
    size: r.size,
    dbNames: r.db_names,
    engineVersion: r.engine_version,
    expectExpireTime: r.expect_expire_time,
    recoverConfigMode: toRecoverConfigMode(r.recover_config),
    ...(r.node_count === null ? {} : { set: { nodes: r.node_count, unavailable: r.nodes_unavailable ?? 0 } }),
  };
}

// The UTC day of a start time. The day length is a literal, not a bound value: the SQLite driver binds
// numbers as floating point, which would make this a fraction and every backup a day of its own.
const dayOf = sql<number>`(start_ms / ${sql.lit(DAY_MS)}) * ${sql.lit(DAY_MS)}`;

async function recomputeDays(db: Db, instanceId: string, fromMs: number, toMs: number): Promise<void> {
  const from = Math.floor(fromMs / DAY_MS) * DAY_MS;
  const to = Math.floor(toMs / DAY_MS) * DAY_MS + DAY_MS;
  await db
    .deleteFrom('backup_days')
    .where('instance_id', '=', instanceId)
    .where('day_ms', '>=', from)
    .where('day_ms', '<', to)
    .execute();
  await db
    .insertInto('backup_days')
    .columns(['instance_id', 'day_ms', 'status', 'type', 'mode', 'method', 'node', 'n', 'bytes'])
    .expression(
      db
        .selectFrom('backups')
        .select([
          'instance_id',
          dayOf.as('day_ms'),
          'status',
          'type',
          'mode',
          'method',
          sql<string>`coalesce(node, '')`.as('node'),
          sql<number>`count(*)`.as('n'),
          sql<number>`sum(size)`.as('bytes'),
        ])
        .where('instance_id', '=', instanceId)
        .where('start_ms', '>=', from)
        .where('start_ms', '<', to)
        .groupBy(['instance_id', dayOf, 'status', 'type', 'mode', 'method', 'node']),
    )
    .execute();
}

function upsertQuery(db: Db, rows: BackupsTable[]) {
  return db
    .insertInto('backups')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['instance_id', 'backup_id']).doUpdateSet((eb) => ({
        job_id: eb.ref('excluded.job_id'),
        node: eb.ref('excluded.node'),
        status: eb.ref('excluded.status'),
        type: eb.ref('excluded.type'),
        mode: eb.ref('excluded.mode'),
        method: eb.ref('excluded.method'),
        start_ms: eb.ref('excluded.start_ms'),
        start_time: eb.ref('excluded.start_time'),
        end_time: eb.ref('excluded.end_time'),
        duration: eb.ref('excluded.duration'),
        size: eb.ref('excluded.size'),
        db_names: eb.ref('excluded.db_names'),
        engine_version: eb.ref('excluded.engine_version'),
        expect_expire_time: eb.ref('excluded.expect_expire_time'),
        recover_config: eb.ref('excluded.recover_config'),
        node_count: eb.ref('excluded.node_count'),
        nodes_unavailable: eb.ref('excluded.nodes_unavailable'),
      })),
    );
}

// Building and compiling a 300-row upsert costs as much as running it: the text depends only on the
// number of rows, so it is compiled once per size and reused with each batch's values (in toRow's
// column order, which is the order Kysely binds them in).
const upsertText = new WeakMap<Db, Map<number, string>>();

function compiledUpsert(db: Db, rows: BackupsTable[]): CompiledQuery {
  const texts = upsertText.get(db) ?? new Map<number, string>();
  upsertText.set(db, texts);
  const text = texts.get(rows.length);
  if (text === undefined) {
    const compiled = upsertQuery(db, rows).compile();
    texts.set(rows.length, compiled.sql);
    return compiled;
  }
  return CompiledQuery.raw(
    text,
    rows.flatMap((r) => Object.values(r)),
  );
}

/** One backup as the index holds it (a set without its nodes), or null. */
export async function indexedBackup(db: Db, instanceId: string, backupId: string): Promise<Backup | null> {
  const row = await db
    .selectFrom('backups')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .where('backup_id', '=', backupId)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Inserts or updates backups of one instance, and their days' counts; rows with no usable start time are skipped. */
export async function upsertBackups(db: Db, instanceId: string, backups: Backup[]): Promise<void> {
  const rows = backups.map(toRow).filter((r): r is BackupsTable => r !== null);
  if (rows.length === 0) return;
  const starts = rows.map((r) => r.start_ms);
  await db.transaction().execute(async (trx) => {
    await lockInstance(trx, instanceId);
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await trx.executeQuery(compiledUpsert(db, rows.slice(i, i + INSERT_BATCH)));
    }
    await recomputeDays(trx, instanceId, Math.min(...starts), Math.max(...starts));
  });
}

/**
 * After a sync of `interval`: when it was `complete` (consistent paging), drops the backups in it that the
 * sync did not see (expired or deleted upstream) and adds the interval to the coverage as of `synced`, in
 * one transaction, locked per instance so replicas sharing the database never lose each other's pieces.
 * Returns the instance's coverage.
 */
export async function completeSync(
  db: Db,
  instanceId: string,
  interval: Interval,
  complete: { seen: ReadonlySet<string>; synced: number } | null,
  edgeMs: number,
): Promise<Piece[]> {
  return db.transaction().execute(async (trx) => {
    await lockInstance(trx, instanceId);
    const known = await loadCoverage(trx, instanceId);
    if (!complete) return known;
    const { seen } = complete;
    let gone: string[] = [];
    {
      const indexed = await trx
        .selectFrom('backups')
        .select('backup_id')
        .where('instance_id', '=', instanceId)
        .where('start_ms', '>=', interval.start)
        .where('start_ms', '<', interval.end)
        .execute();
      gone = indexed.map((r) => r.backup_id).filter((id) => !seen.has(id));
      for (let i = 0; i < gone.length; i += INSERT_BATCH) {
        const ids = gone.slice(i, i + INSERT_BATCH);
        await trx
          .deleteFrom('backups')
          .where('instance_id', '=', instanceId)
          .where('backup_id', 'in', ids)
          .execute();
        // A set that is gone takes its nodes along.
        await trx
          .deleteFrom('cluster_set_nodes')
          .where('instance_id', '=', instanceId)
          .where('set_id', 'in', ids)
          .execute();
      }
      if (gone.length > 0) await recomputeDays(trx, instanceId, interval.start, interval.end - 1);
    }
    const coverage = addPiece(known, { ...interval, synced: complete.synced }, edgeMs);
    await trx.deleteFrom('coverage').where('instance_id', '=', instanceId).execute();
    if (coverage.length > 0) {
      await trx
        .insertInto('coverage')
        .values(
          coverage.map((p) => ({
            instance_id: instanceId,
            start_ms: p.start,
            end_ms: p.end,
            synced_ms: p.synced,
          })),
        )
        .execute();
    }
    return coverage;
  });
}

export async function loadCoverage(db: Db, instanceId: string): Promise<Piece[]> {
  const rows = await db
    .selectFrom('coverage')
    .select(['start_ms', 'end_ms', 'synced_ms'])
    .where('instance_id', '=', instanceId)
    .orderBy('start_ms')
    .execute();
  return rows.map((r) => ({ start: r.start_ms, end: r.end_ms, synced: r.synced_ms }));
}

export async function loadAllCoverage(db: Db): Promise<Map<string, Piece[]>> {
  const rows = await db
    .selectFrom('coverage')
    .selectAll()
    .orderBy('instance_id')
    .orderBy('start_ms')
    .execute();
  const out = new Map<string, Piece[]>();
  for (const r of rows) {
    const list = out.get(r.instance_id) ?? [];
    list.push({ start: r.start_ms, end: r.end_ms, synced: r.synced_ms });
    out.set(r.instance_id, list);
  }
  return out;
}

export type SyncState = Selectable<SyncStateTable>;

export async function getSyncState(db: Db, instanceId: string): Promise<SyncState | undefined> {
  return db.selectFrom('sync_state').selectAll().where('instance_id', '=', instanceId).executeTakeFirst();
}

export async function getAllSyncStates(db: Db): Promise<SyncState[]> {
  return db.selectFrom('sync_state').selectAll().execute();
}

async function upsertState(db: Db, instanceId: string, patch: Partial<SyncState>): Promise<void> {
  await db
    .insertInto('sync_state')
    .values({ instance_id: instanceId, ...patch })
    .onConflict((oc) => oc.column('instance_id').doUpdateSet(patch))
    .execute();
}

export function recordSuccess(
  db: Db,
  instanceId: string,
  at: number,
  storage: { full: number | null; log: number | null } | null,
): Promise<void> {
  return upsertState(db, instanceId, {
    last_success_ms: at,
    ...(storage ? { full_storage: storage.full, log_storage: storage.log } : {}),
  });
}

export function recordError(
  db: Db,
  instanceId: string,
  at: number,
  error: { code: string; message: string; requestId: string | null },
): Promise<void> {
  return upsertState(db, instanceId, {
    last_error_ms: at,
    last_error_code: error.code,
    last_error_message: error.message,
    last_error_request_id: error.requestId,
  });
}

/** Backups past their expected expiry (plus a day's grace) leave the index without asking upstream. */
export async function purgeExpired(db: Db, now: number): Promise<number> {
  const cutoff = new Date(now - DAY_MS).toISOString();
  const expired = await db
    .selectFrom('backups')
    .select(['instance_id', sql<number>`min(start_ms)`.as('from'), sql<number>`max(start_ms)`.as('to')])
    .where('expect_expire_time', '<', cutoff)
    .groupBy('instance_id')
    .execute();
  let removed = 0;
  for (const e of expired) {
    await db.transaction().execute(async (trx) => {
      await lockInstance(trx, e.instance_id);
      const result = await trx
        .deleteFrom('backups')
        .where('instance_id', '=', e.instance_id)
        .where('expect_expire_time', '<', cutoff)
        .executeTakeFirst();
      removed += Number(result.numDeletedRows);
      await recomputeDays(trx, e.instance_id, e.from, e.to);
      await trx
        .deleteFrom('cluster_set_nodes')
        .where('instance_id', '=', e.instance_id)
        .where('expect_expire_time', '<', cutoff)
        .execute();
    });
  }
  return removed;
}
