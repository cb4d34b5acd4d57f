import 'server-only';
import { getKvstoreClient } from '@/lib/aliyun/client';
import type { Instance } from '@/lib/aliyun/types';
import { ApiError } from '@/lib/api/api-error';
import { inScope } from '@/lib/auth/scope';
import { getIndexDb } from '@/lib/backup-index/db';
import { refreshInstanceFacts } from '@/lib/backup-index/policies';
import { getConfig } from '@/lib/config';
import { beforeDeadline, detached } from '@/lib/deadline';
import { dropProcessSingleton, processSingleton } from '@/lib/process-singleton';

// The instance list, kept in the index database like the backups: read from Alibaba Cloud when older than
// INDEX_FRESH_SECONDS, answered from what is known meanwhile (and while Alibaba Cloud is unreachable).

interface Known {
  instances: Instance[];
  syncedAt: number;
}

interface State {
  known: Known | null;
  loaded: boolean;
  refreshing: Promise<Known> | null;
}

const state = () =>
  processSingleton<State>('instances', () => ({ known: null, loaded: false, refreshing: null }));

async function configuredRegions(): Promise<string[]> {
  const { KVSTORE_REGIONS } = getConfig();
  if (KVSTORE_REGIONS && KVSTORE_REGIONS.length > 0) return KVSTORE_REGIONS;
  return (await getKvstoreClient().describeRegions()).map((r) => r.regionId);
}

function sorted(instances: Instance[]): Instance[] {
  return instances.sort(
    (a, b) =>
      a.regionId.localeCompare(b.regionId) ||
      a.name.localeCompare(b.name) ||
      a.instanceId.localeCompare(b.instanceId),
  );
}

async function loadStored(): Promise<Known | null> {
  const db = await getIndexDb();
  const rows = await db.selectFrom('instances').select(['data', 'synced_ms']).execute();
  if (rows.length === 0) return null;
  return {
    instances: sorted(rows.map((r) => JSON.parse(r.data) as Instance)),
    syncedAt: Math.min(...rows.map((r) => r.synced_ms)),
  };
}

/** Every instance across the configured regions (regions in parallel), stored for the next process too. */
async function refresh(): Promise<Known> {
  const regions = await configuredRegions();
  const client = getKvstoreClient();
  const instances = sorted((await Promise.all(regions.map((r) => client.describeInstances(r)))).flat());
  const syncedAt = Date.now();
  const db = await getIndexDb();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('instances').execute();
    if (instances.length > 0) {
      await trx
        .insertInto('instances')
        .values(
          instances.map((i) => ({
            instance_id: i.instanceId,
            region_id: i.regionId,
            data: JSON.stringify(i),
            synced_ms: syncedAt,
          })),
        )
        .execute();
    }
  });
  // Their backup policies are kept fresh with them, and their kinds learnt, in the background.
  void refreshInstanceFacts(instances);
  return { instances, syncedAt };
}

async function allInstances(): Promise<Instance[]> {
  const s = state();
  if (!s.loaded) {
    s.known ??= await loadStored();
    s.loaded = true;
  }
  const freshMs = getConfig().INDEX_FRESH_SECONDS * 1000;
  if (s.known && Date.now() - s.known.syncedAt < freshMs) return s.known.instances;
  s.refreshing ??= detached(() =>
    refresh()
      .then((known) => (s.known = known))
      .finally(() => (s.refreshing = null)),
  );
  if (s.known) {
    // Stale while revalidating: this answer uses what is known, the next one the refreshed list.
    s.refreshing.catch(() => undefined);
    return s.known.instances;
  }
  // Nothing known yet (a cold start): wait, but not past the deadline; the list goes on loading for the
  // next request.
  const known = await beforeDeadline(
    s.refreshing,
    'the instance list is still loading in the background; try again in a moment.',
  );
  return known.instances;
}

/** The instances a user may see: out-of-scope ones do not exist for them. */
export async function fetchInstances(scope: readonly string[] | null): Promise<Instance[]> {
  return (await allInstances()).filter((i) => inScope(i.instanceId, scope));
}

/**
 * Resolves an instance (and so its region) by id. Unknown and out-of-scope ids are both "not found",
 * before any DescribeBackups call.
 */
export async function fetchInstance(instanceId: string, scope: readonly string[] | null): Promise<Instance> {
  const instance = (await fetchInstances(scope)).find((i) => i.instanceId === instanceId);
  if (!instance) {
    throw new ApiError(404, 'not_found', `Instance ${instanceId} was not found in the configured regions.`);
  }
  return instance;
}

export function clearInstancesCacheForTests(): void {
  dropProcessSingleton('instances');
}
