import { automatedStartMs, runsOn } from './backups';
import type { SeedInstance } from './instances';
import { DAY_MS, MINUTE_MS } from './time-format';

// DescribeBackupPolicy as each seeded instance would answer it, derived from the plan its backups are generated
// from: the weekdays it backs up on, the one-hour UTC window its automated backups start in, its retention, and
// the start of its next automated backup.

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Monday first, as the API lists them. */
const API_ORDER = [1, 2, 3, 4, 5, 6, 0];

export interface RawBackupPolicy {
  PreferredBackupPeriod: string;
  PreferredBackupTime: string;
  PreferredNextBackupTime: string;
  BackupRetentionPeriod: string;
  EnableBackupLog: number;
  DbsInstance: string;
}

/** The documentation's example answer, served verbatim for its example instance. */
const DOC_EXAMPLE_POLICY: RawBackupPolicy = {
  PreferredBackupPeriod: 'Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday',
  PreferredBackupTime: '05:00Z-06:00Z',
  PreferredNextBackupTime: '2019-03-14T05:28Z',
  BackupRetentionPeriod: '7',
  EnableBackupLog: 1,
  DbsInstance: '0',
};

const hh = (hour: number) => String(hour % 24).padStart(2, '0');

function minuteIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16) + 'Z';
}

/** The first automated start after `nowMs` (whole minutes, as the API writes it). */
function nextStartMs(instance: SeedInstance, nowMs: number): number {
  const { plan, raw } = instance;
  if (plan.kind === 'interval') {
    const step = plan.intervalMinutes * MINUTE_MS;
    return (Math.floor(nowMs / step) + 1) * step;
  }
  const today = Math.floor(nowMs / DAY_MS);
  for (let day = today; day < today + 8; day++) {
    const start = automatedStartMs(raw.InstanceId, plan, day);
    if (runsOn(plan, day) && start > nowMs) return start;
  }
  return (today + 1) * DAY_MS + plan.windowMinute * MINUTE_MS;
}

export function backupPolicyOf(instance: SeedInstance, nowMs: number): RawBackupPolicy {
  const { plan } = instance;
  if (plan.kind === 'doc-example') return { ...DOC_EXAMPLE_POLICY };
  const hour = Math.floor(plan.windowMinute / 60);
  const days = plan.kind === 'daily' && plan.weekdays ? plan.weekdays : API_ORDER;
  return {
    PreferredBackupPeriod: API_ORDER.filter((d) => days.includes(d))
      .map((d) => WEEKDAYS[d])
      .join(','),
    PreferredBackupTime: `${hh(hour)}:00Z-${hh(hour + 1)}:00Z`,
    PreferredNextBackupTime: minuteIso(nextStartMs(instance, nowMs)),
    BackupRetentionPeriod: String(plan.retentionDays),
    EnableBackupLog: plan.incrementalsPerDay > 0 ? 1 : 0,
    DbsInstance: '0',
  };
}
