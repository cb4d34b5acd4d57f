import 'server-only';
import { getKvstoreClient } from '@/lib/aliyun/client';
import { ApiError } from '@/lib/api/api-error';
import { inScope } from '@/lib/auth/scope';
import type { Instance } from '@/lib/aliyun/types';
import { getConfig } from '@/lib/config';
import { TtlCache } from '@/lib/ttl-cache';

let cache: TtlCache<Instance[]> | undefined;

function instancesCache(): TtlCache<Instance[]> {
  cache ??= new TtlCache(getConfig().KVSTORE_CACHE_TTL_SECONDS * 1000, 1);
  return cache;
}

async function configuredRegions(): Promise<string[]> {
  const { KVSTORE_REGIONS } = getConfig();
  if (KVSTORE_REGIONS && KVSTORE_REGIONS.length > 0) return KVSTORE_REGIONS;
  return (await getKvstoreClient().describeRegions()).map((r) => r.regionId);
}

/** Every instance across the configured regions, regions fetched in parallel, sorted by region then name. */
function fetchAllInstances(): Promise<Instance[]> {
  return instancesCache().get('all', async () => {
    const regions = await configuredRegions();
    const client = getKvstoreClient();
    const perRegion = await Promise.all(regions.map((regionId) => client.describeInstances(regionId)));
    return perRegion
      .flat()
      .sort(
        (a, b) =>
          a.regionId.localeCompare(b.regionId) ||
          a.name.localeCompare(b.name) ||
          a.instanceId.localeCompare(b.instanceId),
      );
  });
}

/** The instances a user may see: out-of-scope ones do not exist for them. */
export async function fetchInstances(scope: readonly string[] | null): Promise<Instance[]> {
  return (await fetchAllInstances()).filter((i) => inScope(i.instanceId, scope));
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
  cache = undefined;
}
