import 'server-only';
import type { Kysely, Selectable } from 'kysely';
import { secondsBetween, toRecoverConfigMode } from '@/lib/aliyun/raw-values';
import type { Backup, ClusterNode, ClusterSet } from '@/lib/aliyun/types';
import { setVerdict } from '@/lib/backups/status-rules';
import type { ClusterSetNodesTable, IndexDatabase } from './schema';
import { upsertBackups } from './store';

// A cloud-native cluster's sets in the index: each set is a row of `backups` (so the table's filters, sort,
// paging, counts and exports work on sets unchanged) and its node backups are rows of `cluster_set_nodes`.

type Db = Kysely<IndexDatabase>;
type NodeRow = Selectable<ClusterSetNodesTable>;

const NODE_BATCH = 1000;

/** The set as one backup: judged by its nodes (lib/backups/status-rules), sized by them when it says nothing. */
export function setAsBackup(instanceId: string, set: ClusterSet): Backup {
  const verdict = setVerdict(set);
  const first = set.nodes[0];
  return {
    backupId: set.setId,
    backupJobId: set.setId,
    instanceId,
    nodeInstanceId: null,
    status: verdict.status,
    type: 'FullBackup',
    mode: set.mode,
    method: 'Physical',
    startTime: set.startTime,
    endTime: set.endTime,
    durationSeconds: secondsBetween(set.startTime, set.endTime),
    size: set.size ?? set.nodes.reduce((n, b) => n + b.size, 0),
    dbNames: 'all',
    engineVersion: first?.engineVersion ?? null,
    expectExpireTime: set.expectExpireTime ?? first?.expectExpireTime ?? null,
    recoverConfigMode: first?.recoverConfigMode ?? null,
    set: { nodes: verdict.nodes, unavailable: verdict.unavailable },
  };
}

function nodeRow(instanceId: string, setId: string, n: ClusterNode): ClusterSetNodesTable {
  return {
    instance_id: instanceId,
    set_id: setId,
    backup_id: n.backupId,
    node: n.nodeInstanceId,
    status: n.status,
    mode: n.mode,
    start_time: n.startTime,
    end_time: n.endTime,
    duration: n.durationSeconds,
    size: n.size,
    engine_version: n.engineVersion,
    expect_expire_time: n.expectExpireTime,
    recover_config: n.recoverConfigMode?.raw ?? null,
  };
}

export function nodeFromRow(r: NodeRow): Backup {
  return {
    backupId: r.backup_id,
    backupJobId: r.set_id,
    instanceId: r.instance_id,
    nodeInstanceId: r.node,
    status: r.status,
    type: 'FullBackup',
    mode: r.mode,
    method: 'Physical',
    startTime: r.start_time,
    endTime: r.end_time,
    durationSeconds: r.duration,
    size: r.size,
    dbNames: 'all',
    engineVersion: r.engine_version,
    expectExpireTime: r.expect_expire_time,
    recoverConfigMode: toRecoverConfigMode(r.recover_config),
  };
}

/** Writes sets (as backups, with their days' counts) and replaces their nodes. */
export async function upsertSets(db: Db, instanceId: string, sets: readonly ClusterSet[]): Promise<void> {
  if (sets.length === 0) return;
  await upsertBackups(
    db,
    instanceId,
    sets.map((s) => setAsBackup(instanceId, s)),
  );
  const rows = sets.flatMap((s) => s.nodes.map((n) => nodeRow(instanceId, s.setId, n)));
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('cluster_set_nodes')
      .where('instance_id', '=', instanceId)
      .where(
        'set_id',
        'in',
        sets.map((s) => s.setId),
      )
      .execute();
    for (let i = 0; i < rows.length; i += NODE_BATCH) {
      await trx
        .insertInto('cluster_set_nodes')
        .values(rows.slice(i, i + NODE_BATCH))
        .onConflict((oc) => oc.columns(['instance_id', 'backup_id']).doNothing())
        .execute();
    }
  });
}

/** Each set's nodes, in node order. */
export async function loadSetNodes(
  db: Db,
  instanceId: string,
  setIds: readonly string[],
): Promise<Map<string, Backup[]>> {
  const out = new Map<string, Backup[]>();
  if (setIds.length === 0) return out;
  const rows = await db
    .selectFrom('cluster_set_nodes')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .where('set_id', 'in', [...setIds])
    .execute();
  for (const r of rows) out.set(r.set_id, [...(out.get(r.set_id) ?? []), nodeFromRow(r)]);
  for (const nodes of out.values())
    nodes.sort((a, b) =>
      (a.nodeInstanceId ?? '').localeCompare(b.nodeInstanceId ?? '', 'en', { numeric: true }),
    );
  return out;
}

/** One node backup by its id, or undefined. */
export async function findNode(db: Db, instanceId: string, backupId: string): Promise<Backup | undefined> {
  const row = await db
    .selectFrom('cluster_set_nodes')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .where('backup_id', '=', backupId)
    .executeTakeFirst();
  return row ? nodeFromRow(row) : undefined;
}
