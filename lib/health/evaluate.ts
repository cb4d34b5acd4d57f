import { sizeTrend } from './size-trend';
import {
  DAY_MS,
  HORIZON_DAYS,
  type Attempt,
  type DayCell,
  type HealthInput,
  type HealthReason,
  type HealthState,
  type InstanceHealth,
} from './types';
import { expectedWindows, nextExpected, periodOf, usable, WINDOW_GRACE_MS } from './windows';

// Per instance: OK, Late, Failing, No backups or Unknown, from its policy and what the index holds.
//   Unknown     the policy cannot be read, or the index has never read the instance (or cannot any more).
//   No backups  not one backup (job) in the last 30 days.
//   Failing     the last two or more attempts failed, or none succeeded in 30 days.
//   Late        two or more expected windows have passed since the last successful backup.
//   OK          otherwise (a single failure is reported, not alarmed on: the next window decides).
// Windows are judged only once they are over (plus an hour's grace for a queued start), only inside what the
// index knows, and only while their backups would still be retained.

const STREAK = 2;
const LATE_WINDOWS = 2;
/** An index this much older than `now`, with a newer sync error, is too stale to judge. */
const STALE_MS = 2 * 60 * 60_000;

const iso = (ms: number) => new Date(ms).toISOString();
const dateOf = (ms: number) => iso(ms).slice(0, 10);

type Judged = 'met' | 'failed' | 'missed';

function judge(attempts: readonly Attempt[], start: number, end: number): Judged {
  const inside = attempts.filter((a) => a.startMs >= start && a.startMs < end + WINDOW_GRACE_MS);
  if (inside.some((a) => a.ok)) return 'met';
  return inside.length > 0 ? 'failed' : 'missed';
}

function streakOf(attempts: readonly Attempt[]): { failures: number; failedShards: number } {
  let failures = 0;
  const shards = new Set<string>();
  for (let i = attempts.length - 1; i >= 0 && !attempts[i]!.ok; i--) {
    failures++;
    // Shards only mean something on a cluster: a standalone instance's one node is the instance.
    if (attempts[i]!.shards > 1) attempts[i]!.failedShards.forEach((s) => shards.add(s));
  }
  return { failures, failedShards: shards.size };
}

export function evaluateHealth(input: HealthInput): InstanceHealth {
  const { now, policies, known } = input;
  const horizon = (Math.floor(now / DAY_MS) - HORIZON_DAYS + 1) * DAY_MS;
  const attempts = [...input.attempts].sort((a, b) => a.startMs - b.startMs);
  const recent = attempts.filter((a) => a.startMs >= horizon && a.startMs <= now);
  const lastSuccess = [...attempts].reverse().find((a) => a.ok && a.startMs <= now) ?? null;
  const streak = streakOf(recent);
  const current = policies.at(-1);

  // Judge the windows the index can speak for.
  const asOf = known ? Math.min(known.end, now) : now;
  const days = new Map<string, DayCell>();
  for (let d = horizon; d <= now; d += DAY_MS)
    days.set(dateOf(d), { date: dateOf(d), kind: 'none', successes: 0, failures: 0 });
  let expected = 0;
  let missed = 0;
  let sinceSuccess = 0;
  if (known && !input.policyError) {
    const from = Math.max(horizon, known.start, input.createdAt ?? 0);
    for (const w of expectedWindows(policies, from, asOf)) {
      const retention = w.policy.retentionDays;
      if (w.end + WINDOW_GRACE_MS > asOf) continue;
      if (retention !== null && w.start < now - retention * DAY_MS) continue;
      const verdict = judge(attempts, w.start, w.end);
      expected++;
      if (verdict === 'missed') {
        missed++;
        const cell = days.get(dateOf(w.start));
        if (cell) cell.kind = 'missed';
      }
      if (!lastSuccess || w.start > lastSuccess.startMs) sinceSuccess++;
    }
  }
  for (const a of recent) {
    const cell = days.get(dateOf(a.startMs));
    if (!cell) continue;
    if (a.ok) cell.successes++;
    else cell.failures++;
  }
  for (const cell of days.values()) {
    if (cell.successes > 0) cell.kind = 'success';
    else if (cell.failures > 0) cell.kind = 'failed';
  }

  const [state, reason] = classify(input, {
    recent,
    lastSuccessInHorizon: lastSuccess !== null && lastSuccess.startMs >= horizon,
    streak,
    sinceSuccess,
    usablePolicy: usable(current),
  });
  const next = current && usable(current) ? nextExpected(policies, now) : null;
  return {
    state,
    reason,
    lastSuccessAt: lastSuccess ? iso(lastSuccess.startMs) : null,
    periodMs: periodOf(current),
    consecutiveFailures: streak.failures,
    expectedWindows: expected,
    missedWindows: missed,
    windowsSinceSuccess: sinceSuccess,
    nextExpectedAt: next === null ? null : iso(next),
    sizeTrend: sizeTrend(attempts.filter((a) => a.startMs <= now)),
    days: [...days.values()],
  };
}

function classify(
  input: HealthInput,
  facts: {
    recent: Attempt[];
    lastSuccessInHorizon: boolean;
    streak: { failures: number; failedShards: number };
    sinceSuccess: number;
    usablePolicy: boolean;
  },
): [HealthState, HealthReason] {
  const { policyError, policies, known, syncError, now } = input;
  if (policyError)
    return [
      'unknown',
      {
        code: 'policy_unreadable',
        errorCode: policyError.code,
        message: policyError.message,
        denied: policyError.denied,
      },
    ];
  if (policies.length === 0) return ['unknown', { code: 'policy_not_read' }];
  if (!known) return ['unknown', { code: 'not_indexed' }];
  if (syncError && syncError.at > known.end && now - known.end > STALE_MS)
    return ['unknown', { code: 'index_stale', since: iso(known.end), message: syncError.message }];
  if (facts.recent.length === 0) return ['no_backups', { code: 'no_backups', days: HORIZON_DAYS }];
  if (!facts.lastSuccessInHorizon)
    return ['failing', { code: 'never_succeeded', failures: facts.recent.length }];
  if (facts.streak.failures >= STREAK) return ['failing', { code: 'failure_streak', ...facts.streak }];
  if (!facts.usablePolicy) return ['unknown', { code: 'policy_incomplete' }];
  if (facts.sinceSuccess >= LATE_WINDOWS)
    return ['late', { code: 'missed_windows', windows: facts.sinceSuccess }];
  if (facts.streak.failures === 1)
    return ['ok', { code: 'last_attempt_failed', failedShards: facts.streak.failedShards }];
  return ['ok', { code: 'on_schedule' }];
}
