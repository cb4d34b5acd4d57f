import { resetKvstoreClientForTests } from '@/lib/aliyun/client';
import { closeIndexDbForTests } from '@/lib/backup-index/db';
import { resetSyncEngineForTests } from '@/lib/backup-index/sync-engine';
import { resetConfigForTests } from '@/lib/config';
import { clearInstancesCacheForTests } from '@/lib/instances/fetch-instances';

/** Forgets every memoized client, config, cache and database, so the next call reads the environment anew. */
export async function resetServerState(): Promise<void> {
  resetConfigForTests();
  resetKvstoreClientForTests();
  clearInstancesCacheForTests();
  resetSyncEngineForTests();
  await closeIndexDbForTests();
}
