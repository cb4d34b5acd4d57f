import 'server-only';
import { dehydrate, QueryClient, type DehydratedState } from '@tanstack/react-query';
import type { SessionUser } from '@/lib/auth/roles';
import { listBackups } from '@/lib/backups/list-backups';
import { backupsQuerySchema, instanceParamsSchema } from '@/lib/backups/query';
import { checkRange } from './date-range';
import { backupsQueryKey } from './backups-query-key';
import { toApiParams, type BackupsSearchState } from './backups-search-params';

// The first view's rows, read on the server from the index (never waiting for Alibaba Cloud) and handed to
// the browser's cache under the key its hook uses, so they are in the HTML and nothing is asked again.
// (The instance list comes with the console shell.) Anything that goes wrong here is left to the browser,
// which asks the API and explains the error as usual.

export async function prefetchBackups(
  instanceId: string,
  state: BackupsSearchState,
  user: SessionUser,
  now: number,
): Promise<DehydratedState> {
  const client = new QueryClient();
  const params = toApiParams(state);
  const query = backupsQuerySchema.safeParse(params);
  const valid =
    instanceParamsSchema.safeParse({ instanceId }).success &&
    query.success &&
    checkRange(state.start, state.end, now).ok;

  if (valid) {
    try {
      const answer = await listBackups(instanceId, query.data, user.scope, { wait: false });
      client.setQueryData(backupsQueryKey(instanceId, params), answer);
    } catch {
      // Not found, out of scope, Alibaba Cloud down with nothing indexed: the browser shows it.
    }
  }
  return dehydrate(client);
}
