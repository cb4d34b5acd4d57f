import type { BackupPolicy } from '@/lib/aliyun/backup-policy';

// The health model's shapes. Pure: no database, no clock, no SDK — the caller passes `now` and what the index holds.

export const HEALTH_STATES = ['ok', 'late', 'failing', 'no_backups', 'unknown'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

export const DAY_MS = 86_400_000;
/** How far back the health model looks. */
export const HORIZON_DAYS = 30;

/** One version of a backup policy, in force from `from` (ms; 0 = since before it was first read). */
export interface PolicyVersion extends BackupPolicy {
  from: number;
}

/** One backup attempt: a job with all its shards, or a single backup where there are no jobs. */
export interface Attempt {
  id: string;
  startMs: number;
  ok: boolean;
  /** Shard (node) ids that failed; empty for a success. */
  failedShards: string[];
  /** Shards listed for the job. */
  shards: number;
  bytes: number;
}

export interface HealthInput {
  now: number;
  /** Oldest first; empty when the policy was never read. */
  policies: PolicyVersion[];
  /** The last read of the policy failed (and nothing newer succeeded). */
  policyError: { code: string; message: string; denied: boolean } | null;
  /** Full-backup attempts in the horizon (and the 7 days before it, for the size median), any order. */
  attempts: Attempt[];
  /** What the index knows completely: the newest covered interval; null when never synced. */
  known: { start: number; end: number } | null;
  /** The last sync failed after `known.end` was read. */
  syncError: { message: string; at: number } | null;
  /** When the instance was created: no window before it is expected. */
  createdAt?: number | null;
}

export type HealthReason =
  | { code: 'on_schedule' }
  | { code: 'last_attempt_failed'; failedShards: number }
  | { code: 'missed_windows'; windows: number }
  | { code: 'failure_streak'; failures: number; failedShards: number }
  | { code: 'never_succeeded'; failures: number }
  | { code: 'no_backups'; days: number }
  | { code: 'policy_unreadable'; errorCode: string; message: string; denied: boolean }
  | { code: 'policy_not_read' }
  | { code: 'policy_incomplete' }
  | { code: 'not_indexed' }
  | { code: 'index_stale'; since: string; message: string };

/** success: a backup (job) succeeded that day; failed: only failures; missed: an expected window passed empty. */
export type DayKind = 'success' | 'failed' | 'missed' | 'none';

export interface DayCell {
  /** `2026-05-01` (UTC). */
  date: string;
  kind: DayKind;
  successes: number;
  failures: number;
}

export interface SizeTrend {
  latestBytes: number;
  medianBytes: number;
  /** drop: less than half the 7-day median; growth: at least double it. */
  change: 'drop' | 'growth' | null;
}

export interface InstanceHealth {
  state: HealthState;
  reason: HealthReason;
  /** The recovery point: the start of the newest successful backup (job). */
  lastSuccessAt: string | null;
  /** The longest gap between two expected windows under the current policy (1 day for daily). */
  periodMs: number | null;
  consecutiveFailures: number;
  /** Expected windows judged in the horizon, and how many passed without a backup. */
  expectedWindows: number;
  missedWindows: number;
  /** Judged windows that passed since the recovery point. */
  windowsSinceSuccess: number;
  nextExpectedAt: string | null;
  sizeTrend: SizeTrend | null;
  /** Oldest first, the last HORIZON_DAYS UTC days (today included). */
  days: DayCell[];
}
