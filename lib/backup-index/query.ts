import 'server-only';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { BackupsPage } from '@/lib/backups/answer';
import { emptyFacets, FACET_NAMES, type FacetName } from '@/lib/backups/facets';
import type { BackupsQuery, SortField } from '@/lib/backups/query';
import type { BackupDaysTable, IndexDatabase } from './schema';
import { loadSetNodes } from './sets-store';
import { DAY_MS, fromRow, type BackupRow } from './store';

// The table's queries, answered by the index: rows filtered, sorted and paged by SQL on indexed columns;
// the facet counts from the per-day counts plus the two partial days at the range's ends, so a range
// of a million backups costs a few thousand rows read, not a million.

type Db = Kysely<IndexDatabase>;
type Filters = Pick<BackupsQuery, FacetName | 'q'>;
type Range = { from: number; to: number };

/** Counts for one combination of facet values, the shape of a per-day row without its day. */
type Combo = Omit<BackupDaysTable, 'instance_id' | 'day_ms'>;

export function rangeOf(query: Pick<BackupsQuery, 'start' | 'end'>): Range {
  return { from: query.start.getTime(), to: query.end.getTime() };
}

/** Counts per combination of facet values in [from, to]. */
async function combos(db: Db, instanceId: string, { from, to }: Range): Promise<Combo[]> {
  const fullFrom = Math.ceil(from / DAY_MS) * DAY_MS;
  const fullTo = Math.floor((to + 1) / DAY_MS) * DAY_MS;
  const group = ['status', 'type', 'mode', 'method', 'node'] as const;
  const edges = (lo: number, hi: number) =>
    db
      .selectFrom('backups')
      .select([
        ...group.slice(0, 4),
        sql<string>`coalesce(node, '')`.as('node'),
        sql<number>`count(*)`.as('n'),
        sql<number>`coalesce(sum(size), 0)`.as('bytes'),
      ])
      .where('instance_id', '=', instanceId)
      .where('start_ms', '>=', lo)
      .where('start_ms', '<=', hi)
      .groupBy([...group]);
  if (fullFrom >= fullTo) return (await edges(from, to).execute()) as Combo[];
  const parts = await Promise.all([
    db
      .selectFrom('backup_days')
      .select([...group, sql<number>`sum(n)`.as('n'), sql<number>`sum(bytes)`.as('bytes')])
      .where('instance_id', '=', instanceId)
      .where('day_ms', '>=', fullFrom)
      .where('day_ms', '<', fullTo)
      .groupBy([...group])
      .execute(),
    fullFrom > from ? edges(from, fullFrom - 1).execute() : [],
    to >= fullTo ? edges(fullTo, to).execute() : [],
  ]);
  return parts.flat() as Combo[];
}

function comboMatches(c: Combo, f: Filters): boolean {
  return FACET_NAMES.every((name) => {
    const wanted = f[name] as readonly string[];
    return wanted.length === 0 || wanted.includes(c[name]);
  });
}

export function where(instanceId: string, { from, to }: Range, f: Filters) {
  return (db: Db) => {
    let q = db
      .selectFrom('backups')
      .where('instance_id', '=', instanceId)
      .where('start_ms', '>=', from)
      .where('start_ms', '<=', to);
    for (const name of FACET_NAMES) {
      const wanted = f[name] as readonly string[];
      if (wanted.length > 0) q = q.where(name, 'in', wanted);
    }
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or([
          sql<SqlBool>`backup_id like ${like} escape '\\'`,
          sql<SqlBool>`job_id like ${like} escape '\\'`,
        ]),
      );
    }
    return q;
  };
}

const SORT_COLUMNS: Record<SortField, (dir: 'asc' | 'desc') => Expression<unknown>[]> = {
  startTime: (d) => [sql`start_ms ${sql.raw(d)}`],
  endTime: (d) => [sql`end_time is null`, sql`end_time ${sql.raw(d)}`],
  duration: (d) => [sql`duration is null`, sql`duration ${sql.raw(d)}`],
  size: (d) => [sql`size ${sql.raw(d)}`],
  status: (d) => [sql`status ${sql.raw(d)}`],
  type: (d) => [sql`type ${sql.raw(d)}`],
  mode: (d) => [sql`mode ${sql.raw(d)}`],
  method: (d) => [sql`method ${sql.raw(d)}`],
  node: (d) => [sql`node is null`, sql`node ${sql.raw(d)}`],
  // int64 ids as text: shorter is smaller.
  backupId: (d) => [sql`length(backup_id) ${sql.raw(d)}`, sql`backup_id ${sql.raw(d)}`],
  jobId: (d) => [sql`job_id is null`, sql`length(job_id) ${sql.raw(d)}`, sql`job_id ${sql.raw(d)}`],
};

/** The sort asked for, then newest first and by id, so pages are stable; missing values last. */
function sortedBy(sort: BackupsQuery['sort']) {
  const keys = [
    ...SORT_COLUMNS[sort.field](sort.dir),
    sql`start_ms desc`,
    sql`length(backup_id) desc`,
    sql`backup_id desc`,
  ];
  return <Q extends { orderBy(e: Expression<unknown>): Q }>(qb: Q): Q =>
    keys.reduce((q, key) => q.orderBy(key), qb);
}

export async function queryPage(db: Db, instanceId: string, query: BackupsQuery): Promise<BackupsPage> {
  const range = rangeOf(query);
  const filtered = where(instanceId, range, query);
  const [all, rows, latest, counted] = await Promise.all([
    combos(db, instanceId, range),
    filtered(db)
      .selectAll()
      .$call(sortedBy(query.sort))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    db
      .selectFrom('backups')
      .select('start_time')
      .where('instance_id', '=', instanceId)
      .where('status', '=', 'Success')
      .where('start_ms', '>=', range.from)
      .where('start_ms', '<=', range.to)
      .orderBy('start_ms', 'desc')
      .limit(1)
      .executeTakeFirst(),
    // Without a search the filtered total comes from the counts; a search has to look at the ids.
    query.q
      ? filtered(db)
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      : null,
  ]);
  const facets = emptyFacets();
  let count = 0;
  let bytes = 0;
  let total = 0;
  for (const c of all) {
    count += c.n;
    bytes += c.bytes;
    if (comboMatches(c, query)) total += c.n;
    for (const name of FACET_NAMES) {
      const value = c[name];
      if (name === 'node' && value === '') continue;
      facets[name][value] = (facets[name][value] ?? 0) + c.n;
    }
  }
  const backups = (rows as BackupRow[]).map(fromRow);
  const sets = await loadSetNodes(
    db,
    instanceId,
    backups.filter((b) => b.set).map((b) => b.backupId),
  );
  return {
    rows: backups.map((b) => (b.set ? { ...b, nodes: sets.get(b.backupId) ?? [] } : b)),
    total: counted ? counted.n : total,
    page: query.page,
    pageSize: query.pageSize,
    facets,
    totals: { count, bytes },
    latestSuccessAt: latest?.start_time ?? null,
  };
}

/**
 * Every matching row in table order, a small batch at a time, for exports. Small on purpose: a batch's text
 * stays in V8's young generation (large strings go straight to the old one, which is swept far less often),
 * so memory stays flat however many rows come out.
 */
export async function* streamRows(
  db: Db,
  instanceId: string,
  query: Omit<BackupsQuery, 'page' | 'pageSize'>,
  batchSize = 200,
): AsyncGenerator<BackupRow[]> {
  let batch: BackupRow[] = [];
  const stream = where(
    instanceId,
    rangeOf(query),
    query,
  )(db)
    .selectAll()
    .$call(sortedBy(query.sort))
    .stream(batchSize);
  for await (const row of stream) {
    batch.push(row as BackupRow);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
