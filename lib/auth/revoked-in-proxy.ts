import { existingProcessSingleton } from '@/lib/process-singleton';
import { REVOCATIONS_KEY, type RevocationList, type SessionClaims } from './revocation-list';

// The proxy cannot open the store (no server-only code there), but runs in the server's process: it
// asks the list the server opened at start, so a revoked session's page visit is sent to sign-in
// like an anonymous one. Without that list it says "not revoked"; pages and routes check again.

export function isRevokedInProxy(claims: SessionClaims): boolean {
  return existingProcessSingleton<RevocationList>(REVOCATIONS_KEY)?.isRevoked(claims) ?? false;
}
