import { resetKvstoreClientForTests } from '@/lib/aliyun/client';
import { closeAuditDbForTests } from '@/lib/audit/audit-log';
import { closeIndexDbForTests } from '@/lib/backup-index/db';
import { stopInstanceFactsForTests } from '@/lib/backup-index/policies';
import { clearBackupTasksForTests } from '@/lib/backups/backup-tasks';
import { resetSyncEngineForTests } from '@/lib/backup-index/sync-engine';
import { resetConfigForTests } from '@/lib/config';
import { clearInstanceKindsForTests } from '@/lib/instances/fetch-instance-kind';
import { clearInstancesCacheForTests } from '@/lib/instances/fetch-instances';
import { resetReadinessForTests } from '@/lib/readiness/readiness';
import { resetVerificationForTests } from '@/lib/verify/reset';

/** Forgets every memoized client, config, cache and database, so the next call reads the environment anew. */
export async function resetServerState(): Promise<void> {
  // Background work started by the previous test would otherwise write to a closed database.
  await stopInstanceFactsForTests();
  resetConfigForTests();
  resetKvstoreClientForTests();
  clearInstancesCacheForTests();
  clearInstanceKindsForTests();
  clearBackupTasksForTests();
  resetSyncEngineForTests();
  resetReadinessForTests();
  resetVerificationForTests();
  await closeAuditDbForTests();
  await closeIndexDbForTests();
}
