import type { Backup } from '@/lib/aliyun/types';
import { can, type Role } from '@/lib/auth/roles';
import type { BackupVerification } from '@/lib/verify/verification';

// Pure: what the console offers for a backup's verification, the same rules the server enforces.

export type VerifyBlock =
  | { key: 'role'; values: { role: string } }
  | { key: 'status'; values: { status: string } }
  | { key: 'incremental'; values: Record<string, never> }
  | { key: 'set'; values: Record<string, never> };

/** Why this role may not verify this backup (a message key and its values), or null when it may. */
export function verifyBlock(backup: Pick<Backup, 'status' | 'type' | 'set'>, role: Role): VerifyBlock | null {
  if (!can(role, 'verify')) return { key: 'role', values: { role } };
  if (backup.set) return { key: 'set', values: {} };
  if (backup.status !== 'Success') return { key: 'status', values: { status: backup.status } };
  if (backup.type === 'IncrementalBackup') return { key: 'incremental', values: {} };
  return null;
}

export const isActive = (v: BackupVerification | undefined) => Boolean(v?.job);

/** Whole percent read, 0 when the size is unknown. */
export function percentRead(bytesRead: number, size: number): number {
  return size > 0 ? Math.min(100, Math.floor((bytesRead / size) * 100)) : 0;
}

export interface JobVerdict {
  total: number;
  /** Shards without a file: a job with one is never "verified". */
  withoutFile: number;
  verified: number;
  failed: number;
  active: number;
}

/** A cluster job is verified only when every shard has a file and every file verified ok. */
export function jobVerdict(
  shards: readonly Pick<Backup, 'backupId' | 'status' | 'type'>[],
  verifications: Readonly<Record<string, BackupVerification>>,
): JobVerdict {
  const verdict: JobVerdict = { total: shards.length, withoutFile: 0, verified: 0, failed: 0, active: 0 };
  for (const shard of shards) {
    const v = verifications[shard.backupId];
    if (shard.status !== 'Success' || shard.type === 'IncrementalBackup') verdict.withoutFile++;
    else if (v?.job) verdict.active++;
    else if (v?.result?.status === 'ok') verdict.verified++;
    else if (v?.result) verdict.failed++;
  }
  return verdict;
}

export function jobIsVerified(v: JobVerdict): boolean {
  return v.total > 0 && v.withoutFile === 0 && v.verified === v.total;
}
