import 'server-only';
import { getIndexDb } from '@/lib/backup-index/db';
import { latestResult } from './store';
import type { VerificationResult } from './verification';

// For the fleet page and the metrics: when each instance was last verified and how that went.

/** The instance's most recently finished verification (of whichever backup), or null: never verified. */
export async function latestVerification(instanceId: string): Promise<VerificationResult | null> {
  return latestResult(await getIndexDb(), instanceId);
}

export type VerificationFlag = 'never_verified' | 'latest_failed' | 'verified';

/** What a fleet view flags: never verified, or the latest verification found the file not ok. */
export function verificationFlag(latest: Pick<VerificationResult, 'status'> | null): VerificationFlag {
  if (!latest) return 'never_verified';
  return latest.status === 'ok' ? 'verified' : 'latest_failed';
}
