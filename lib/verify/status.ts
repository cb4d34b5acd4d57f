import 'server-only';
import { getIndexDb } from '@/lib/backup-index/db';
import { latestResult } from './store';
import type { VerifyStatus } from './problems';
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

/** An instance's verification as the fleet page and the metrics show it. */
export interface InstanceVerification {
  flag: VerificationFlag;
  /** When the latest verification finished (ISO 8601); null: never verified. */
  at: string | null;
  status: VerifyStatus | null;
  backupId: string | null;
}

export function instanceVerification(latest: VerificationResult | null): InstanceVerification {
  return {
    flag: verificationFlag(latest),
    at: latest?.finishedAt ?? null,
    status: latest?.status ?? null,
    backupId: latest?.backupId ?? null,
  };
}

/** Each instance's latest verification, from the index. */
export async function instanceVerifications(
  instanceIds: readonly string[],
): Promise<Map<string, InstanceVerification>> {
  const latest = await Promise.all(instanceIds.map((id) => latestVerification(id)));
  return new Map(instanceIds.map((id, i) => [id, instanceVerification(latest[i] ?? null)]));
}
