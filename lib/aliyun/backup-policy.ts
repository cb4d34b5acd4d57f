// Pure: DescribeBackupPolicy's answer → the policy the health model works with. Odd values degrade to null
// (or no weekday), never throw; the health model says what it cannot judge.
import { field, toIsoTime, toNumber, toText } from './raw-values';

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export interface BackupPolicy {
  /** UTC weekdays with an automated backup, 0 = Sunday, ascending. */
  weekdays: number[];
  /** Start of the UTC backup window, in minutes after midnight; null when unreadable. */
  windowStartMinute: number | null;
  /** Length of the window in minutes (60 for `05:00Z-06:00Z`, also across midnight); null when unreadable. */
  windowMinutes: number | null;
  retentionDays: number | null;
  /** Incremental (log) backup, Tair's data flashback. */
  logBackup: boolean | null;
  /** ISO 8601 UTC. */
  nextBackupTime: string | null;
}

const WINDOW = /^(\d{2}):(\d{2})Z-(\d{2}):(\d{2})Z$/;

function parseWindow(text: string | null): { start: number; minutes: number } | null {
  const m = text ? WINDOW.exec(text) : null;
  if (!m) return null;
  const [h1, m1, h2, m2] = m.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59) return null;
  const start = h1 * 60 + m1;
  const minutes = (h2 * 60 + m2 - start + 1440) % 1440;
  return { start, minutes: minutes === 0 ? 1440 : minutes };
}

function parseWeekdays(text: string | null): number[] {
  const names = (text ?? '').split(',').map((s) => s.trim().toLowerCase());
  return WEEKDAY_NAMES.flatMap((name, day) => (names.includes(name.toLowerCase()) ? [day] : []));
}

export function normalizeBackupPolicy(body: unknown): BackupPolicy {
  const root = field(body, 'DescribeBackupPolicyResponse') ?? body;
  const window = parseWindow(toText(field(root, 'PreferredBackupTime')));
  const log = toNumber(field(root, 'EnableBackupLog'));
  const retention = toNumber(field(root, 'BackupRetentionPeriod'));
  return {
    weekdays: parseWeekdays(toText(field(root, 'PreferredBackupPeriod'))),
    windowStartMinute: window?.start ?? null,
    windowMinutes: window?.minutes ?? null,
    retentionDays: retention !== null && retention > 0 ? retention : null,
    logBackup: log === null ? null : log === 1,
    nextBackupTime: toIsoTime(field(root, 'PreferredNextBackupTime')),
  };
}
