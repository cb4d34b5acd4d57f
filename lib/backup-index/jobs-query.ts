import 'server-only';
import { sql, type Expression, type Kysely } from 'kysely';
import type { Backup } from '@/lib/aliyun/types';
import type { BackupsQuery } from '@/lib/backups/query';
import { rangeOf, where } from './query';
import type { IndexDatabase } from './schema';
import { fromRow, type BackupRow } from './store';

// A classic cluster's backups grouped by job and paged by job in SQL, so a job is never split across pages
// however many shards it has. A job is on the view when any of its backups matches the filters; its totals
// count all of its backups.

type Db = Kysely<IndexDatabase>;

export interface JobRow {
  jobId: string;
  startTime: string;
  endTime: string | null;
  size: number;
  mode: string;
  listed: number;
  failed: number;
}

const JOB_SORTS: Partial<Record<BackupsQuery['sort']['field'], string>> = {
  startTime: 'start_ms',
  endTime: 'end_time',
  size: 'size',
  status: 'failed',
  jobId: 'length(job_id), job_id',
  backupId: 'length(job_id), job_id',
  duration: 'end_time',
};

function jobOrder(sort: BackupsQuery['sort']): Expression<unknown>[] {
  const columns = (JOB_SORTS[sort.field] ?? 'start_ms').split(', ');
  const dir = JOB_SORTS[sort.field] ? sort.dir : 'desc';
  return [
    ...columns.map((c) => sql`${sql.raw(c)} ${sql.raw(dir)}`),
    sql`start_ms desc`,
    sql`length(job_id) desc`,
    sql`job_id desc`,
  ];
}

export async function queryJobs(
  db: Db,
  instanceId: string,
  query: BackupsQuery,
): Promise<{ jobs: JobRow[]; total: number }> {
  const matching = () =>
    where(instanceId, rangeOf(query), query)(db).select('job_id').where('job_id', 'is not', null).distinct();
  let jobs = db
    .selectFrom('backups')
    .select([
      'job_id',
      sql<number>`min(start_ms)`.as('start_ms'),
      sql<string>`min(start_time)`.as('start_time'),
      sql<string | null>`max(end_time)`.as('end_time'),
      sql<number>`sum(size)`.as('size'),
      sql<string>`min(mode)`.as('mode'),
      sql<number>`count(*)`.as('listed'),
      sql<number>`sum(case when status = 'Success' then 0 else 1 end)`.as('failed'),
    ])
    .where('instance_id', '=', instanceId)
    .where('job_id', 'in', matching())
    .groupBy('job_id');
  for (const key of jobOrder(query.sort)) jobs = jobs.orderBy(key);
  const [page, counted] = await Promise.all([
    jobs
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    db
      .selectFrom(matching().as('jobs'))
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    jobs: page.map((r) => ({
      jobId: r.job_id!,
      startTime: r.start_time,
      endTime: r.end_time,
      size: r.size,
      mode: r.mode,
      listed: r.listed,
      failed: r.failed,
    })),
    total: counted.n,
  };
}

/** Every backup of one job, in node order (db-2 before db-10). */
export async function jobBackups(db: Db, instanceId: string, jobId: string): Promise<Backup[]> {
  const rows = await db
    .selectFrom('backups')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .where('job_id', '=', jobId)
    .orderBy(sql`length(node)`)
    .orderBy('node')
    .orderBy('backup_id')
    .execute();
  return (rows as BackupRow[]).map(fromRow);
}
