import 'server-only';
import { processSingleton } from '@/lib/process-singleton';
import { REVOCATIONS_KEY, RevocationList } from './revocation-list';
import { revocationStore } from './revocation-store';

/** How long a session lasts; a revocation needs keeping no longer. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** The process's revocation list, over the store (opened at start by instrumentation.ts). */
export function revocations(): RevocationList {
  return processSingleton(REVOCATIONS_KEY, () => {
    const list = new RevocationList(revocationStore(), SESSION_MAX_AGE_SECONDS * 1000);
    // Kept current even between requests, so the proxy's check from memory is never more than a second old.
    setInterval(() => list.catchUp().catch(() => undefined), 1_000).unref();
    return list;
  });
}
