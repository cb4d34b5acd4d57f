import 'server-only';
import type { Selectable } from 'kysely';
import type { IndexDb } from '@/lib/backup-index/db';
import type { VerificationsTable } from '@/lib/backup-index/schema';
import type { ProblemCode } from './problems';
import type { VerificationResult, VerifyOrigin } from './verification';

// Verification results in the index database: the latest per backup.

type Row = Selectable<VerificationsTable>;

export function toRow(r: VerificationResult): VerificationsTable {
  return {
    instance_id: r.instanceId,
    backup_id: r.backupId,
    job_id: r.jobId,
    status: r.status,
    problem_code: r.problem?.code ?? null,
    problem_offset: r.problem?.offset ?? null,
    problem_params: r.problem ? JSON.stringify(r.problem.params) : null,
    rdb_version: r.rdbVersion,
    redis_version: r.redisVersion,
    created_at: r.createdAt,
    key_count: r.keys,
    expire_count: r.expires,
    keys_by_db: JSON.stringify(r.keysByDb),
    keys_by_type: JSON.stringify(r.keysByType),
    checksum: r.checksum,
    bytes_read: r.bytesRead,
    size: r.size,
    duration_ms: r.durationMs,
    started_ms: Date.parse(r.startedAt),
    finished_ms: Date.parse(r.finishedAt),
    origin: r.origin,
    username: r.user,
  };
}

export function fromRow(row: Row): VerificationResult {
  return {
    instanceId: row.instance_id,
    backupId: row.backup_id,
    jobId: row.job_id,
    status: row.status as VerificationResult['status'],
    problem:
      row.problem_code === null
        ? null
        : {
            code: row.problem_code as ProblemCode,
            offset: Number(row.problem_offset ?? 0),
            params: JSON.parse(row.problem_params ?? '{}') as Record<string, string | number>,
          },
    rdbVersion: row.rdb_version,
    redisVersion: row.redis_version,
    createdAt: row.created_at,
    keys: Number(row.key_count),
    expires: Number(row.expire_count),
    keysByDb: JSON.parse(row.keys_by_db) as Record<string, number>,
    keysByType: JSON.parse(row.keys_by_type) as Record<string, number>,
    checksum: row.checksum as VerificationResult['checksum'],
    bytesRead: Number(row.bytes_read),
    size: Number(row.size),
    durationMs: Number(row.duration_ms),
    startedAt: new Date(Number(row.started_ms)).toISOString(),
    finishedAt: new Date(Number(row.finished_ms)).toISOString(),
    origin: row.origin as VerifyOrigin,
    user: row.username,
  };
}

export async function saveResult(db: IndexDb, result: VerificationResult): Promise<void> {
  const row = toRow(result);
  const { instance_id: _i, backup_id: _b, ...rest } = row;
  await db
    .insertInto('verifications')
    .values(row)
    .onConflict((oc) => oc.columns(['instance_id', 'backup_id']).doUpdateSet(rest))
    .execute();
}

export async function resultsFor(
  db: IndexDb,
  instanceId: string,
  backupIds: readonly string[],
): Promise<VerificationResult[]> {
  if (backupIds.length === 0) return [];
  const rows = await db
    .selectFrom('verifications')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .where('backup_id', 'in', backupIds)
    .execute();
  return rows.map(fromRow);
}

/** The instance's most recently finished verification, of whichever backup. */
export async function latestResult(db: IndexDb, instanceId: string): Promise<VerificationResult | null> {
  const row = await db
    .selectFrom('verifications')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .orderBy('finished_ms', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}
