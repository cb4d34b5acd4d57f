import 'server-only';
import { sql } from 'kysely';
import { getUpstreamBudget } from '@/lib/aliyun/client';
import type { BudgetSnapshot } from '@/lib/aliyun/budget';
import { fetchInstances } from '@/lib/instances/fetch-instances';
import { getIndexDb } from './db';
import { getAllSyncStates, loadAllCoverage } from './store';
import { getSyncEngine } from './sync-engine';
import { liveLeases } from './sync-leases';

// What an admin sees of the index: per instance what it holds, which intervals it knows complete and as of
// when, the last error, the syncs running now; and the upstream budget's use.

export interface InstanceIndexStatus {
  instanceId: string;
  name: string;
  regionId: string;
  backups: number;
  covered: { start: string; end: string; syncedAt: string }[];
  lastSuccessAt: string | null;
  lastError: { code: string | null; message: string | null; requestId: string | null; at: string } | null;
  syncing: { start: string; end: string; fetched: number; total: number | null }[];
}

export interface IndexStatus {
  instances: InstanceIndexStatus[];
  upstream: BudgetSnapshot;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function indexStatus(scope: readonly string[] | null): Promise<IndexStatus> {
  const db = await getIndexDb();
  const [instances, coverage, states, counts, leases] = await Promise.all([
    fetchInstances(scope),
    loadAllCoverage(db),
    getAllSyncStates(db),
    db
      .selectFrom('backup_days')
      .select(['instance_id', sql<number>`sum(n)`.as('n')])
      .groupBy('instance_id')
      .execute(),
    liveLeases(db),
  ]);
  const engine = getSyncEngine();
  return {
    instances: instances.map((i) => {
      const state = states.find((s) => s.instance_id === i.instanceId);
      return {
        instanceId: i.instanceId,
        name: i.name,
        regionId: i.regionId,
        backups: counts.find((c) => c.instance_id === i.instanceId)?.n ?? 0,
        covered: (coverage.get(i.instanceId) ?? []).map((p) => ({
          start: iso(p.start),
          end: iso(p.end),
          syncedAt: iso(p.synced),
        })),
        lastSuccessAt: state?.last_success_ms ? iso(state.last_success_ms) : null,
        lastError:
          state?.last_error_ms && state.last_error_ms > (state.last_success_ms ?? 0)
            ? {
                code: state.last_error_code,
                message: state.last_error_message,
                requestId: state.last_error_request_id,
                at: iso(state.last_error_ms),
              }
            : null,
        // This replica's syncs, and those other replicas hold leases on (their progress as of the last renewal).
        syncing: [
          ...engine.syncsOf(i.instanceId).map((s) => ({ ...s.interval, fetched: s.fetched, total: s.total })),
          ...leases.filter((l) => l.instanceId === i.instanceId && l.holder !== engine.holder),
        ].map((s) => ({ start: iso(s.start), end: iso(s.end), fetched: s.fetched, total: s.total })),
      };
    }),
    upstream: getUpstreamBudget().snapshot(),
  };
}
