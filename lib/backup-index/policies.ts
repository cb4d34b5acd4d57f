import 'server-only';
import type { Selectable } from 'kysely';
import type { BackupPolicy } from '@/lib/aliyun/backup-policy';
import { inBackground } from '@/lib/aliyun/budget';
import { getKvstoreClient } from '@/lib/aliyun/client';
import type { PolicyVersion } from '@/lib/health/types';
import { toAliyunError } from '@/lib/aliyun/errors';
import type { Instance } from '@/lib/aliyun/types';
import { detached } from '@/lib/deadline';
import { learnInstanceKind } from '@/lib/instances/fetch-instance-kind';
import { processSingleton } from '@/lib/process-singleton';
import { getIndexDb, type IndexDb } from './db';
import type { BackupPoliciesTable, PolicyStateTable } from './schema';

// Backup policies kept with the instance list: read again when older than POLICY_FRESH_MS (they change rarely,
// and every read is an upstream call), one instance at a time through the upstream budget. A policy that
// differs from the last one read starts a new version, so the windows before the change keep the old rules.

export const POLICY_FRESH_MS = 10 * 60_000;

export type { PolicyVersion };

export interface InstancePolicy {
  versions: PolicyVersion[];
  state: Selectable<PolicyStateTable> | undefined;
}

function toRow(instanceId: string, from: number, p: BackupPolicy): BackupPoliciesTable {
  return {
    instance_id: instanceId,
    from_ms: from,
    weekdays: p.weekdays.join(','),
    window_start: p.windowStartMinute,
    window_minutes: p.windowMinutes,
    retention_days: p.retentionDays,
    log_backup: p.logBackup === null ? null : p.logBackup ? 1 : 0,
  };
}

function fromRow(r: Selectable<BackupPoliciesTable>, nextBackupTime: string | null): PolicyVersion {
  return {
    from: r.from_ms,
    weekdays: r.weekdays === '' ? [] : r.weekdays.split(',').map(Number),
    windowStartMinute: r.window_start,
    windowMinutes: r.window_minutes,
    retentionDays: r.retention_days,
    logBackup: r.log_backup === null ? null : r.log_backup === 1,
    nextBackupTime,
  };
}

const sameRules = (a: BackupPoliciesTable, b: Selectable<BackupPoliciesTable>) =>
  a.weekdays === b.weekdays &&
  a.window_start === b.window_start &&
  a.window_minutes === b.window_minutes &&
  a.retention_days === b.retention_days &&
  a.log_backup === b.log_backup;

/** Records a policy read at `at`: a new version only when its rules changed. */
export async function storePolicy(
  db: IndexDb,
  instanceId: string,
  policy: BackupPolicy,
  at: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('backup_policies')
      .selectAll()
      .where('instance_id', '=', instanceId)
      .orderBy('from_ms', 'desc')
      .limit(1)
      .executeTakeFirst();
    const row = toRow(instanceId, last ? at : 0, policy);
    if (!last || !sameRules(row, last)) await trx.insertInto('backup_policies').values(row).execute();
    const state = {
      checked_ms: at,
      next_backup_time: policy.nextBackupTime,
      error_ms: null,
      error_code: null,
      error_message: null,
    };
    await trx
      .insertInto('policy_state')
      .values({ instance_id: instanceId, ...state })
      .onConflict((oc) => oc.column('instance_id').doUpdateSet(state))
      .execute();
  });
}

/** A refused or failed read: the versions read before stay, the error is what the health model reports. */
export async function recordPolicyError(
  db: IndexDb,
  instanceId: string,
  at: number,
  error: { code: string; message: string },
): Promise<void> {
  const state = { checked_ms: at, error_ms: at, error_code: error.code, error_message: error.message };
  await db
    .insertInto('policy_state')
    .values({ instance_id: instanceId, next_backup_time: null, ...state })
    .onConflict((oc) => oc.column('instance_id').doUpdateSet(state))
    .execute();
}

/** Every instance's policy versions (oldest first) and read state. */
export async function loadPolicies(db: IndexDb): Promise<Map<string, InstancePolicy>> {
  const [rows, states] = await Promise.all([
    db.selectFrom('backup_policies').selectAll().orderBy('instance_id').orderBy('from_ms').execute(),
    db.selectFrom('policy_state').selectAll().execute(),
  ]);
  const out = new Map<string, InstancePolicy>();
  const stateOf = new Map(states.map((s) => [s.instance_id, s]));
  for (const id of new Set([...rows.map((r) => r.instance_id), ...stateOf.keys()]))
    out.set(id, { versions: [], state: stateOf.get(id) });
  for (const r of rows) {
    const entry = out.get(r.instance_id)!;
    entry.versions.push(fromRow(r, entry.state?.next_backup_time ?? null));
  }
  return out;
}

async function refresh(instances: readonly Instance[], now: number): Promise<void> {
  const db = await getIndexDb();
  const known = await loadPolicies(db);
  const client = getKvstoreClient();
  const stopping = () => refreshState().stopping;
  for (const i of instances) {
    if (stopping()) return;
    const checked = known.get(i.instanceId)?.state?.checked_ms ?? 0;
    if (now - checked < POLICY_FRESH_MS) continue;
    try {
      const policy = await client.describeBackupPolicy(i.regionId, i.instanceId);
      await storePolicy(db, i.instanceId, policy, Date.now());
    } catch (err) {
      const e = toAliyunError(err, { action: 'DescribeBackupPolicy' });
      await recordPolicyError(db, i.instanceId, Date.now(), { code: e.code ?? e.kind, message: e.message });
    }
  }
  // And which API lists each instance's backups, where not known yet (a failure is asked again when needed).
  for (const i of instances) {
    if (stopping()) return;
    await learnInstanceKind(i.instanceId, i.regionId).catch(() => undefined);
  }
}

const refreshState = () =>
  processSingleton<{ running: Promise<void> | null; stopping: boolean }>('policy-refresh', () => ({
    running: null,
    stopping: false,
  }));

/**
 * Reads the policies that are older than POLICY_FRESH_MS, then the kinds of instances not known yet, in the
 * background; one refresh at a time (a second call while one runs joins it). Settles when done; never rejects.
 */
export function refreshInstanceFacts(instances: readonly Instance[]): Promise<void> {
  const state = refreshState();
  state.running ??= detached(() =>
    inBackground(() => refresh(instances, Date.now()))
      .catch((err: unknown) =>
        console.error('[policies] refresh failed:', err instanceof Error ? err.message : err),
      )
      .finally(() => (state.running = null)),
  );
  return state.running;
}

/** Stops a running refresh of policies and kinds after its current call: tests close the database after. */
export async function stopInstanceFactsForTests(): Promise<void> {
  const state = refreshState();
  state.stopping = true;
  try {
    await state.running;
  } finally {
    state.stopping = false;
  }
}
