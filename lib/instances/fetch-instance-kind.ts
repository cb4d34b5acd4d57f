import 'server-only';
import { getKvstoreClient } from '@/lib/aliyun/client';
import { instanceKindOf } from '@/lib/aliyun/normalize-kinds';
import type { Instance, InstanceKind, InstanceKindName } from '@/lib/aliyun/types';
import { getIndexDb } from '@/lib/backup-index/db';
import { beforeDeadline, detached } from '@/lib/deadline';
import { dropProcessSingleton, processSingleton } from '@/lib/process-singleton';

// Which API lists an instance's backups, and where its flashback window starts: DescribeInstanceAttribute,
// asked once per instance and kept in the index. An instance's kind does not change; the window's start
// moves as old log backups expire, so the answer is read again when older than KIND_FRESH_MS (meanwhile
// the known one answers). One call at a time per instance, however many ask.

const KIND_FRESH_MS = 10 * 60_000;

interface Known {
  kind: InstanceKind;
  syncedAt: number;
}

interface State {
  known: Map<string, Known>;
  asking: Map<string, Promise<Known>>;
}

const state = () =>
  processSingleton<State>('instance-kinds', () => ({ known: new Map(), asking: new Map() }));

async function loadStored(instanceId: string): Promise<Known | null> {
  const db = await getIndexDb();
  const row = await db
    .selectFrom('instance_kinds')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    kind: {
      kind: row.kind as InstanceKindName,
      shardCount: row.shard_count,
      logStartTime: row.log_start_time,
    },
    syncedAt: row.synced_ms,
  };
}

async function ask(instanceId: string, regionId: string): Promise<Known> {
  const attr = await getKvstoreClient().describeInstanceAttribute(regionId, instanceId);
  const known = { kind: instanceKindOf(attr), syncedAt: Date.now() };
  const row = {
    kind: known.kind.kind,
    shard_count: known.kind.shardCount,
    log_start_time: known.kind.logStartTime,
    synced_ms: known.syncedAt,
  };
  const db = await getIndexDb();
  await db
    .insertInto('instance_kinds')
    .values({ instance_id: instanceId, ...row })
    .onConflict((oc) => oc.column('instance_id').doUpdateSet(row))
    .execute();
  return known;
}

export async function fetchInstanceKind(instanceId: string, regionId: string): Promise<InstanceKind> {
  const s = state();
  const known = s.known.get(instanceId) ?? (await loadStored(instanceId));
  if (known) s.known.set(instanceId, known);
  if (known && Date.now() - known.syncedAt < KIND_FRESH_MS) return known.kind;
  let asking = s.asking.get(instanceId);
  if (!asking) {
    asking = detached(() => ask(instanceId, regionId));
    s.asking.set(instanceId, asking);
    asking.then(
      (k) => s.known.set(instanceId, k),
      () => undefined,
    );
    void asking.finally(() => s.asking.delete(instanceId)).catch(() => undefined);
  }
  if (known) {
    // The kind itself never changes; only the window's start may have moved. Answer now, refresh behind.
    asking.catch(() => undefined);
    return known.kind;
  }
  return (await asking).kind;
}

/**
 * Asks for the kind of an instance nothing is known about yet (the background refresh that follows the
 * instance list), so a person's first listing of it does not wait for DescribeInstanceAttribute.
 */
export async function learnInstanceKind(instanceId: string, regionId: string): Promise<void> {
  const s = state();
  const known = s.known.get(instanceId) ?? (await loadStored(instanceId));
  if (known) s.known.set(instanceId, known);
  else await fetchInstanceKind(instanceId, regionId);
}

/** The kinds the index holds for these instances: no call to Alibaba Cloud, so one not asked about yet is missing. */
export async function storedInstanceKinds(ids: readonly string[]): Promise<Map<string, InstanceKindName>> {
  if (ids.length === 0) return new Map();
  const db = await getIndexDb();
  const rows = await db
    .selectFrom('instance_kinds')
    .select(['instance_id', 'kind'])
    .where('instance_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.instance_id, r.kind as InstanceKindName]));
}

/** As fetchInstanceKind, but never past the request's deadline (then a 504 `timeout`). */
export function instanceKindWithin(instance: Instance): Promise<InstanceKind> {
  return beforeDeadline(
    fetchInstanceKind(instance.instanceId, instance.regionId),
    `the attributes of ${instance.instanceId} are still loading; try again in a moment.`,
  );
}

/**
 * For an answer that has rows to show anyway: the kind, or while it cannot be had in time, what the
 * instance list suggests (a cluster taken as classic, no flashback window).
 */
export async function instanceKindOrGuess(instance: Instance): Promise<InstanceKind> {
  try {
    return await instanceKindWithin(instance);
  } catch {
    return {
      kind: instance.architecture === 'cluster' ? 'classic-cluster' : 'standard',
      shardCount: instance.shardCount,
      logStartTime: null,
    };
  }
}

export function clearInstanceKindsForTests(): void {
  dropProcessSingleton('instance-kinds');
}
