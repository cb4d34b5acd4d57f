import type { RdbReport } from './rdb-verifier';
import type { Problem, VerifyStatus } from './problems';

// What the API answers about verifications, shared by the route handlers and the console.

export type VerifyOrigin = 'manual' | 'scheduled';

/** A finished verification, as kept in the index. */
export interface VerificationResult extends Pick<
  RdbReport,
  | 'rdbVersion'
  | 'redisVersion'
  | 'createdAt'
  | 'keys'
  | 'expires'
  | 'keysByDb'
  | 'keysByType'
  | 'checksum'
  | 'bytesRead'
  | 'durationMs'
> {
  instanceId: string;
  backupId: string;
  jobId: string | null;
  status: VerifyStatus;
  problem: Problem | null;
  /** The backup's size as Alibaba Cloud states it. */
  size: number;
  startedAt: string;
  finishedAt: string;
  origin: VerifyOrigin;
  /** Who asked (null for the schedule). */
  user: string | null;
}

/** A verification waiting for its turn or reading the file now. */
export interface VerificationJob {
  instanceId: string;
  backupId: string;
  state: 'queued' | 'running';
  /** Runs ahead of this one while queued. */
  ahead: number;
  bytesRead: number;
  size: number;
  queuedAt: string;
  startedAt: string | null;
  origin: VerifyOrigin;
  user: string | null;
}

/** A run that could not finish (the file could not be read): no verdict on the file, so not kept. */
export interface VerificationFailure {
  message: string;
  at: string;
}

export interface BackupVerification {
  result: VerificationResult | null;
  job: VerificationJob | null;
  failure: VerificationFailure | null;
}

export interface VerificationsAnswer {
  verifications: Record<string, BackupVerification>;
}

export interface StartAnswer {
  /** One per backup asked for: the job now queued or running (an earlier one is joined, not repeated). */
  jobs: VerificationJob[];
  /** Backups that have no file to verify, with the reason. */
  skipped: { backupId: string; reason: string }[];
}
