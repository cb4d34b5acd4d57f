import 'server-only';
import { dehydrate, QueryClient, type DehydratedState } from '@tanstack/react-query';
import type { SessionUser } from '@/lib/auth/roles';
import { fetchInstances } from '@/lib/instances/fetch-instances';

// The instance list for the header and the page, in the browser's cache from the first HTML. It must be
// hydrated above the header: a query the header had already created would only be filled in after
// hydration, and the page would hydrate different text than the server rendered.

export async function prefetchInstances(user: SessionUser): Promise<DehydratedState> {
  const client = new QueryClient();
  try {
    client.setQueryData(['instances'], { instances: await fetchInstances(user.scope) });
  } catch {
    // The browser asks the API, which explains the error.
  }
  return dehydrate(client);
}
