import 'server-only';
import { sql } from 'kysely';
import type { Instance } from '@/lib/aliyun/types';
import type { Piece } from '@/lib/backup-index/coverage';
import { isRamDenial } from '@/lib/aliyun/errors';
import { getIndexDb, type IndexDb } from '@/lib/backup-index/db';
import { loadPolicies, type InstancePolicy } from '@/lib/backup-index/policies';
import { getAllSyncStates, loadAllCoverage, type SyncState } from '@/lib/backup-index/store';
import { toAttempts, type BackupFact } from '@/lib/health/attempts';
import { storedInstanceKinds } from '@/lib/instances/fetch-instance-kind';
import { evaluateHealth } from '@/lib/health/evaluate';
import {
  DAY_MS,
  HORIZON_DAYS,
  type HealthInput,
  type InstanceHealth,
  type PolicyVersion,
} from '@/lib/health/types';
import { instanceVerification, instanceVerifications, type InstanceVerification } from '@/lib/verify/status';

// Every instance's health, from the index alone: its policy versions, its full backups of the last 30 days
// (and the week before, for the size median), what the index covers and the last sync error. A handful of
// queries for the whole fleet, never a call to Alibaba Cloud.

export interface FleetEntry {
  instanceId: string;
  name: string;
  regionId: string;
  architecture: string;
  engine: string;
  shardCount: number | null;
  health: InstanceHealth;
  /** The policy in force now (null until read). */
  policy: Omit<PolicyVersion, 'from'> | null;
  /** When the instance was last verified and how that went (lib/verify/status.ts). */
  verification: InstanceVerification;
}

/** The newest stretch the index covers without a gap (pieces touch where the recent edge was split off). */
function knownOf(pieces: readonly Piece[] | undefined): { start: number; end: number } | null {
  const sorted = [...(pieces ?? [])].sort((a, b) => a.start - b.start);
  const newest = sorted.pop();
  if (!newest) return null;
  let start = newest.start;
  for (let p = sorted.pop(); p && p.end >= start; p = sorted.pop()) start = Math.min(start, p.start);
  return { start, end: newest.end };
}

async function loadBackupFacts(db: IndexDb, ids: string[], from: number): Promise<Map<string, BackupFact[]>> {
  const out = new Map<string, BackupFact[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('backups')
    .select(['instance_id', 'backup_id', 'job_id', 'node', 'status', 'start_ms', 'size'])
    .where('instance_id', 'in', ids)
    .where('start_ms', '>=', from)
    .where('type', '!=', 'IncrementalBackup')
    .execute();
  for (const r of rows)
    out.get(r.instance_id)?.push({
      backupId: r.backup_id,
      jobId: r.job_id,
      node: r.node,
      status: r.status,
      startMs: r.start_ms,
      size: r.size,
    });
  return out;
}

function rulesOf(version: PolicyVersion | undefined): Omit<PolicyVersion, 'from'> | null {
  if (!version) return null;
  const { from: _from, ...rules } = version;
  return rules;
}

function syncErrorOf(state: SyncState | undefined): { message: string; at: number } | null {
  if (!state?.last_error_ms || state.last_error_ms <= (state.last_success_ms ?? 0)) return null;
  return {
    message: state.last_error_message ?? state.last_error_code ?? 'unknown error',
    at: state.last_error_ms,
  };
}

function policyErrorOf(policy: InstancePolicy | undefined): HealthInput['policyError'] {
  const s = policy?.state;
  if (!s?.error_ms) return null;
  const code = s.error_code ?? 'unknown';
  return { code, message: s.error_message ?? '', denied: isRamDenial(code) };
}

export async function fleetHealth(instances: readonly Instance[], now = Date.now()): Promise<FleetEntry[]> {
  const db = await getIndexDb();
  const from = (Math.floor(now / DAY_MS) - HORIZON_DAYS - 7) * DAY_MS;
  const ids = instances.map((i) => i.instanceId);
  const [policies, coverage, states, facts, verifications, kinds] = await Promise.all([
    loadPolicies(db),
    loadAllCoverage(db),
    getAllSyncStates(db),
    loadBackupFacts(db, ids, from),
    instanceVerifications(ids),
    storedInstanceKinds(ids),
  ]);
  const stateOf = new Map(states.map((s) => [s.instance_id, s]));
  return instances.map((i) => {
    const policy = policies.get(i.instanceId);
    const versions = policy?.versions ?? [];
    const health = evaluateHealth({
      now,
      policies: versions,
      policyError: policyErrorOf(policy),
      // A cloud-native cluster's backup is one set row, already judged whole from its nodes.
      attempts: toAttempts(
        facts.get(i.instanceId) ?? [],
        kinds.get(i.instanceId) === 'cloud-native-cluster' ? 1 : i.shardCount,
      ),
      known: knownOf(coverage.get(i.instanceId)),
      syncError: syncErrorOf(stateOf.get(i.instanceId)),
      // Instances stored by an earlier version have no creation time.
      createdAt: i.createdAt ? Date.parse(i.createdAt) : null,
    });
    const latest = versions.at(-1);
    return {
      instanceId: i.instanceId,
      name: i.name,
      regionId: i.regionId,
      architecture: i.architecture,
      engine: i.engine,
      shardCount: i.shardCount,
      health,
      policy: rulesOf(latest),
      verification: verifications.get(i.instanceId) ?? instanceVerification(null),
    };
  });
}

/** Backups per UTC day in a range (success and failed) and the mean size of the successful full ones. */
export async function backupsPerDay(instanceId: string, from: number, to: number) {
  const db = await getIndexDb();
  const rows = await db
    .selectFrom('backup_days')
    .select([
      'day_ms',
      sql<number>`sum(case when status = 'Success' then n else 0 end)`.as('success'),
      sql<number>`sum(case when status = 'Success' then 0 else n end)`.as('failed'),
      sql<number>`sum(case when status = 'Success' and type = 'FullBackup' then n else 0 end)`.as('fullN'),
      sql<number>`sum(case when status = 'Success' and type = 'FullBackup' then bytes else 0 end)`.as(
        'fullBytes',
      ),
    ])
    .where('instance_id', '=', instanceId)
    .where('day_ms', '>=', Math.floor(from / DAY_MS) * DAY_MS)
    .where('day_ms', '<=', to)
    .groupBy('day_ms')
    .orderBy('day_ms')
    .execute();
  return rows.map((r) => ({
    date: new Date(r.day_ms).toISOString().slice(0, 10),
    success: Number(r.success),
    failed: Number(r.failed),
    meanFullBytes: r.fullN > 0 ? Math.round(Number(r.fullBytes) / Number(r.fullN)) : null,
  }));
}
