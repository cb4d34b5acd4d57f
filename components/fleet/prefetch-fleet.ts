import 'server-only';
import { dehydrate, QueryClient, type DehydratedState } from '@tanstack/react-query';
import type { SessionUser } from '@/lib/auth/roles';
import { fetchFleet } from '@/lib/fleet/fetch-fleet';
import { FLEET_QUERY_KEY } from './use-fleet';

/** The fleet in the first HTML (from the index, never waiting on Alibaba Cloud beyond the instance list). */
export async function prefetchFleet(user: SessionUser): Promise<DehydratedState> {
  const client = new QueryClient();
  try {
    client.setQueryData(FLEET_QUERY_KEY, await fetchFleet(user.scope));
  } catch {
    // The browser asks the API, which explains the error.
  }
  return dehydrate(client);
}
