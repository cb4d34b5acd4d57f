import { describe, expect, it } from 'vitest';
import { toAttempts, type BackupFact } from './attempts';
import { evaluateHealth } from './evaluate';
import type { Attempt, HealthInput, PolicyVersion } from './types';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MIN = 60_000;
// A Wednesday, 12:00 UTC.
const NOW = Date.parse('2026-05-13T12:00:00Z');
const day = (daysAgo: number) => (Math.floor(NOW / DAY) - daysAgo) * DAY;

const DAILY: PolicyVersion = {
  from: 0,
  weekdays: [0, 1, 2, 3, 4, 5, 6],
  windowStartMinute: 2 * 60,
  windowMinutes: 60,
  retentionDays: 30,
  logBackup: false,
  nextBackupTime: null,
};

let seq = 0;
function attempt(startMs: number, ok = true, bytes = 1000): Attempt {
  return { id: String(++seq), startMs, ok, failedShards: ok ? [] : ['r-x'], shards: 1, bytes };
}

/** One backup a day in the window, `minutesIn` after it opens, for the given days back. */
function daily(daysAgo: number[], policy = DAILY, minutesIn = 10, ok = true): Attempt[] {
  return daysAgo.map((d) => attempt(day(d) + policy.windowStartMinute! * MIN + minutesIn * MIN, ok));
}

function input(patch: Partial<HealthInput>): HealthInput {
  return {
    now: NOW,
    policies: [DAILY],
    policyError: null,
    attempts: [],
    known: { start: NOW - 40 * DAY, end: NOW },
    syncError: null,
    ...patch,
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('evaluateHealth: the states', () => {
  it('is OK when every daily window had its backup', () => {
    const h = evaluateHealth(input({ attempts: daily(range(0, 29)) }));
    expect(h.state).toBe('ok');
    expect(h.reason).toEqual({ code: 'on_schedule' });
    expect(h.expectedWindows).toBe(30);
    expect(h.missedWindows).toBe(0);
    expect(h.periodMs).toBe(DAY);
    expect(h.days).toHaveLength(30);
    expect(h.days.every((d) => d.kind === 'success')).toBe(true);
    expect(h.lastSuccessAt).toBe('2026-05-13T02:10:00.000Z');
    expect(h.nextExpectedAt).toBe('2026-05-14T02:00:00.000Z');
  });

  it('is Late once two expected windows passed without a backup, not after one', () => {
    const oneMissed = evaluateHealth(input({ attempts: daily(range(1, 29)) }));
    expect(oneMissed.state).toBe('ok');
    expect(oneMissed.windowsSinceSuccess).toBe(1);
    expect(oneMissed.days.at(-1)).toMatchObject({ date: '2026-05-13', kind: 'missed' });

    const twoMissed = evaluateHealth(input({ attempts: daily(range(2, 29)) }));
    expect(twoMissed.state).toBe('late');
    expect(twoMissed.reason).toEqual({ code: 'missed_windows', windows: 2 });
    expect(twoMissed.missedWindows).toBe(2);
  });

  it('does not judge a window until it is over, with an hour of grace for a late start', () => {
    // 03:30: today's 02:00–03:00 window is still within its grace hour.
    const h = evaluateHealth(input({ now: day(0) + 3.5 * HOUR, attempts: daily(range(1, 29)) }));
    expect(h.expectedWindows).toBe(29);
    expect(h.windowsSinceSuccess).toBe(0);
    // A start 50 minutes after the window closed still counts for it.
    const queued = evaluateHealth(input({ attempts: daily(range(0, 29), DAILY, 110) }));
    expect(queued.missedWindows).toBe(0);
  });

  it('is Failing on a streak of two failures; a one-off failure is reported but OK', () => {
    const oneOff = evaluateHealth(
      input({ attempts: [...daily(range(1, 29)), ...daily([0], DAILY, 10, false)] }),
    );
    expect(oneOff.state).toBe('ok');
    expect(oneOff.reason).toEqual({ code: 'last_attempt_failed', failedShards: 0 });
    expect(oneOff.consecutiveFailures).toBe(1);
    expect(oneOff.days.at(-1)?.kind).toBe('failed');

    const streak = evaluateHealth(
      input({ attempts: [...daily(range(3, 29)), ...daily([0, 1, 2], DAILY, 10, false)] }),
    );
    expect(streak.state).toBe('failing');
    expect(streak.reason).toEqual({ code: 'failure_streak', failures: 3, failedShards: 0 });
    // Failing outranks Late: three windows passed without a success too.
    expect(streak.windowsSinceSuccess).toBe(3);
  });

  it('is Failing when nothing ever succeeded, and No backups when nothing ran at all', () => {
    const never = evaluateHealth(input({ attempts: daily(range(0, 19), DAILY, 10, false) }));
    expect(never.state).toBe('failing');
    expect(never.reason).toEqual({ code: 'never_succeeded', failures: 20 });
    expect(never.lastSuccessAt).toBeNull();

    const none = evaluateHealth(input({ attempts: [attempt(Date.parse('2019-03-14T05:28:50Z'))] }));
    expect(none.state).toBe('no_backups');
    expect(none.reason).toEqual({ code: 'no_backups', days: 30 });
    expect(none.lastSuccessAt).toBe('2019-03-14T05:28:50.000Z');
  });

  it('expects nothing before the instance was created', () => {
    const h = evaluateHealth(
      input({ createdAt: day(5) + 3 * HOUR, attempts: daily([0, 1, 2, 3, 4], DAILY, 10, false) }),
    );
    expect(h.expectedWindows).toBe(5);
    expect(h.days.filter((d) => d.kind === 'missed')).toEqual([]);
    expect(h.reason).toEqual({ code: 'never_succeeded', failures: 5 });
  });

  it('does not count expired windows as missed: a 7-day retention judges 7 days', () => {
    const weekly = { ...DAILY, retentionDays: 7 };
    const h = evaluateHealth(input({ policies: [weekly], attempts: daily(range(0, 6), weekly) }));
    expect(h.state).toBe('ok');
    expect(h.missedWindows).toBe(0);
    expect(h.expectedWindows).toBe(7);
    expect(h.days.filter((d) => d.kind === 'none')).toHaveLength(23);
  });
});

describe('evaluateHealth: policies', () => {
  it('follows a weekly period: Monday, Wednesday, Friday', () => {
    const mwf: PolicyVersion = { ...DAILY, weekdays: [1, 3, 5], windowStartMinute: 22 * 60 };
    // 2026-05-13 is a Wednesday: windows on the Mondays, Wednesdays and Fridays before it.
    const windowsDays = range(1, 29).filter((d) => [1, 3, 5].includes(new Date(day(d)).getUTCDay()));
    const h = evaluateHealth(input({ policies: [mwf], attempts: daily(windowsDays, mwf) }));
    expect(h.state).toBe('ok');
    expect(h.expectedWindows).toBe(windowsDays.length);
    expect(h.periodMs).toBe(3 * DAY); // Friday to Monday
    expect(h.days.filter((d) => d.kind === 'none')).toHaveLength(30 - windowsDays.length);
    expect(h.nextExpectedAt).toBe('2026-05-13T22:00:00.000Z');

    // Stopped 8 days ago: the windows since then passed empty, but the days in between are not "missed".
    const stopped = evaluateHealth(
      input({
        policies: [mwf],
        attempts: daily(
          windowsDays.filter((d) => d >= 8),
          mwf,
        ),
      }),
    );
    expect(stopped.state).toBe('late');
    expect(stopped.reason).toEqual({ code: 'missed_windows', windows: 3 });
    expect(stopped.days.filter((d) => d.kind === 'missed').map((d) => d.date)).toEqual([
      '2026-05-06',
      '2026-05-08',
      '2026-05-11',
    ]);
  });

  it('judges a window that crosses midnight UTC by the day it starts', () => {
    const lateNight: PolicyVersion = { ...DAILY, windowStartMinute: 23 * 60 + 30, windowMinutes: 60 };
    // Backups 40 minutes into the window: 00:10 the next day.
    const h = evaluateHealth(input({ policies: [lateNight], attempts: daily(range(1, 29), lateNight, 40) }));
    expect(h.state).toBe('ok');
    expect(h.missedWindows).toBe(0);
    // Yesterday's window (23:30–00:30) was met by today's 00:10 backup; today's has not opened yet.
    expect(h.expectedWindows).toBe(29);
    expect(h.days.at(-1)).toMatchObject({ kind: 'success', successes: 1 });
    expect(h.days[0]).toMatchObject({ date: '2026-04-14', kind: 'none' });

    const closesAtMidnight: PolicyVersion = { ...DAILY, windowStartMinute: 23 * 60, windowMinutes: 60 };
    const missedLast = evaluateHealth(
      input({ policies: [closesAtMidnight], attempts: daily(range(2, 29), closesAtMidnight) }),
    );
    // The window of two days ago (23:00–00:00) had its backup; yesterday's passed empty: one miss, still OK.
    expect(missedLast.state).toBe('ok');
    expect(missedLast.days.at(-2)).toMatchObject({ date: '2026-05-12', kind: 'missed' });
  });

  it('judges each window by the policy in force that day when the policy changed mid-range', () => {
    // Daily until 10 days ago, then Sundays only.
    const sundays: PolicyVersion = { ...DAILY, from: day(10), weekdays: [0] };
    const attempts = daily(range(10, 29));
    const h = evaluateHealth(input({ policies: [DAILY, sundays], attempts }));
    // Days 11..29 back were daily (19 windows, all met); since then only Sunday 2026-05-10 was expected.
    expect(h.expectedWindows).toBe(20 + 1);
    expect(h.missedWindows).toBe(1);
    expect(h.days.filter((d) => d.kind === 'missed').map((d) => d.date)).toEqual(['2026-05-10']);
    expect(h.state).toBe('ok');
    expect(h.periodMs).toBe(7 * DAY);
    // Read as daily throughout, the same backups would be ten windows late.
    expect(evaluateHealth(input({ policies: [DAILY], attempts })).state).toBe('late');
  });

  it('is Unknown, with the reason, when the policy cannot be read', () => {
    const h = evaluateHealth(
      input({
        policies: [],
        policyError: {
          code: 'Forbidden.RAM',
          message: 'The Alibaba Cloud identity in use is not allowed to call kvstore:DescribeBackupPolicy.',
          denied: true,
        },
        attempts: daily(range(0, 29)),
      }),
    );
    expect(h.state).toBe('unknown');
    expect(h.reason).toEqual({
      code: 'policy_unreadable',
      errorCode: 'Forbidden.RAM',
      message: 'The Alibaba Cloud identity in use is not allowed to call kvstore:DescribeBackupPolicy.',
      denied: true,
    });
    // What does not need the policy is still there.
    expect(h.lastSuccessAt).not.toBeNull();
    expect(h.days.every((d) => d.kind === 'success')).toBe(true);
    expect(h.expectedWindows).toBe(0);
    // A refusal after an earlier read still says Unknown: the policy may have changed since.
    expect(
      evaluateHealth(
        input({ policyError: { code: 'Forbidden.RAM', message: 'no', denied: true }, attempts: daily([0]) }),
      ).state,
    ).toBe('unknown');
  });

  it('is Unknown before the policy or the backups were ever read, and when the index went stale', () => {
    expect(evaluateHealth(input({ policies: [] })).reason).toEqual({ code: 'policy_not_read' });
    expect(evaluateHealth(input({ known: null })).reason).toEqual({ code: 'not_indexed' });
    const stale = evaluateHealth(
      input({
        known: { start: NOW - 40 * DAY, end: NOW - 5 * HOUR },
        syncError: { message: 'Alibaba Cloud had an internal error', at: NOW - MIN },
        attempts: daily(range(0, 29)),
      }),
    );
    expect(stale.reason).toMatchObject({ code: 'index_stale', since: '2026-05-13T07:00:00.000Z' });
    // Without an error, windows after the index's last read are not judged (not called missed).
    const quiet = evaluateHealth(
      input({ known: { start: NOW - 40 * DAY, end: NOW - 2 * DAY }, attempts: daily(range(3, 29)) }),
    );
    expect(quiet.state).toBe('ok');
    expect(quiet.missedWindows).toBe(1);
  });
});

describe('evaluateHealth: clusters', () => {
  const shard = (job: string, startMs: number, node: number, status = 'Success'): BackupFact => ({
    backupId: `${job}${node}`,
    jobId: job,
    node: `r-c-db-${node}`,
    status,
    startMs: startMs + node * 1000,
    size: status === 'Success' ? 100 : 0,
  });
  const job = (id: string, startMs: number, failed: number[] = []) =>
    [0, 1, 2, 3].map((n) => shard(id, startMs, n, failed.includes(n) ? 'Failed' : 'Success'));

  it('counts a job as a success only when every shard succeeded', () => {
    const backups = [
      ...range(2, 29).flatMap((d) => job(`j${d}`, day(d) + 2 * HOUR + 5 * MIN)),
      ...job('j1', day(1) + 2 * HOUR + 5 * MIN, [2]),
      ...job('j0', day(0) + 2 * HOUR + 5 * MIN, [2]),
    ];
    const attempts = toAttempts(backups, 4);
    expect(attempts.at(-1)).toMatchObject({ ok: false, shards: 4, failedShards: ['r-c-db-2'], bytes: 300 });
    const h = evaluateHealth(input({ attempts }));
    expect(h.state).toBe('failing');
    expect(h.reason).toEqual({ code: 'failure_streak', failures: 2, failedShards: 1 });
    expect(h.lastSuccessAt).toBe(new Date(day(2) + 2 * HOUR + 5 * MIN).toISOString());
    expect(h.days.slice(-2).map((d) => d.kind)).toEqual(['failed', 'failed']);
    // Read shard by shard, the newest rows are successes and the instance would look fine.
    const perShard = toAttempts(
      backups.map((b) => ({ ...b, jobId: null })),
      null,
    );
    expect(evaluateHealth(input({ attempts: perShard })).state).toBe('ok');
  });

  it('takes a cloud-native set as one whole backup, judged from its nodes, and waits for a running one', () => {
    const set = (d: number, status: string): BackupFact => ({
      backupId: `cb-${d}`,
      jobId: `cb-${d}`,
      node: null,
      status,
      startMs: day(d) + 2 * HOUR + 5 * MIN,
      size: status === 'Success' ? 1600 : 1400,
    });
    const sets = [...range(1, 29).map((d) => set(d, d === 3 ? 'Incomplete' : 'Success')), set(0, 'Running')];
    const attempts = toAttempts(sets, 1);
    expect(attempts).toHaveLength(29);
    expect(attempts.filter((a) => !a.ok).map((a) => a.id)).toEqual(['cb-3']);
    const h = evaluateHealth(input({ attempts }));
    expect(h.state).toBe('ok');
    expect(h.lastSuccessAt).toBe(new Date(day(1) + 2 * HOUR + 5 * MIN).toISOString());
    // Taken as a 16-shard job, every whole set would look unfinished and the cluster never successful.
    expect(toAttempts(sets, 16).filter((a) => a.ok)).toHaveLength(0);
  });

  it('leaves out a job whose shards are not all listed yet, unless one already failed', () => {
    const partial = job('j0', day(0) + 2 * HOUR).slice(0, 3);
    expect(toAttempts(partial, 4)).toEqual([]);
    expect(toAttempts([...partial.slice(0, 2), shard('j0', day(0), 3, 'Failed')], 4)).toHaveLength(1);
  });
});

describe('evaluateHealth: size trend', () => {
  const sized = (bytes: number[]) =>
    bytes.map((b, i) => attempt(day(bytes.length - 1 - i) + 2 * HOUR, true, b));

  it('flags a drop below half and a doubling against the 7-day median', () => {
    expect(
      evaluateHealth(input({ attempts: sized([100, 110, 90, 100, 105, 95, 100, 40]) })).sizeTrend,
    ).toEqual({
      latestBytes: 40,
      medianBytes: 100,
      change: 'drop',
    });
    expect(evaluateHealth(input({ attempts: sized([100, 110, 90, 100, 200]) })).sizeTrend?.change).toBe(
      'growth',
    );
    expect(evaluateHealth(input({ attempts: sized([100, 110, 90, 100, 120]) })).sizeTrend?.change).toBeNull();
    expect(evaluateHealth(input({ attempts: sized([100, 5]) })).sizeTrend).toBeNull();
  });
});
