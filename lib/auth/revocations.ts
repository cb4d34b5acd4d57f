import 'server-only';
import { processSingleton } from '@/lib/process-singleton';
import { REVOCATIONS_KEY, RevocationList } from './revocation-list';
import { sqliteRevocationStore } from './revocation-store';

/** How long a session lasts; a revocation needs keeping no longer. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** The process's revocation list, over the store (opened at start by instrumentation.ts). */
export function revocations(): RevocationList {
  return processSingleton(
    REVOCATIONS_KEY,
    () => new RevocationList(sqliteRevocationStore(), SESSION_MAX_AGE_SECONDS * 1000),
  );
}
