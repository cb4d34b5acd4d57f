import { SHARDS_PER_JOB, jobId, type JobKind } from './backup-ids';
import { between, rngFor, type Rng } from './prng';
import type { BackupPlan, SeedInstance } from './instances';
import { DAY_MS, HOUR_MS, MINUTE_MS, isoSeconds } from './time-format';
import type { RawBackup } from './types';
import { DOC_EXAMPLE_BACKUPS } from './doc-example';

const MB = 1024 * 1024;
export const RECOVER_CONFIG_MODE = '{"whitelist":true,"config":true,"account":true}';

interface Job {
  startMs: number;
  kind: JobKind;
  rng: Rng;
}

function inIncident(plan: BackupPlan, shard: number, job: Job, nowMs: number): boolean {
  const incident = plan.incident;
  if (!incident || job.kind !== 0 || !incident.shards.includes(shard)) return false;
  // Whole calendar days, so a restart later the same day changes nothing.
  const daysAgo = Math.floor(nowMs / DAY_MS) - Math.floor(job.startMs / DAY_MS);
  return daysAgo <= incident.fromDaysAgo && daysAgo >= incident.toDaysAgo;
}

function expandJob(instance: SeedInstance, job: Job, nowMs: number): RawBackup[] {
  const { plan, raw } = instance;
  const id = jobId(job.startMs, job.kind, plan.slot);
  const incremental = job.kind === 2;
  const out: RawBackup[] = [];
  for (let shard = 0; shard < plan.shards; shard++) {
    const failed = job.rng() < plan.failureRate || inIncident(plan, shard, job, nowMs);
    const [minMb, maxMb] = incremental ? [1, 300] : plan.sizeMb;
    const size = failed ? 0 : Math.floor((minMb + job.rng() * (maxMb - minMb)) * MB);
    // Roughly 80 MB/s plus fixed overhead; failures abort early.
    const durationMs = failed
      ? between(job.rng, 5, 90) * 1000
      : (20 + Math.floor(size / (80 * MB))) * 1000 + between(job.rng, 0, 30_000);
    const endMs = job.startMs + durationMs;
    if (endMs > nowMs) continue; // still running: DescribeBackups only lists finished backups
    out.push({
      BackupId: id * SHARDS_PER_JOB + shard,
      BackupJobID: id,
      BackupStartTime: isoSeconds(job.startMs),
      BackupEndTime: isoSeconds(endMs),
      BackupStatus: failed ? 'Failed' : 'Success',
      BackupType: incremental ? 'IncrementalBackup' : 'FullBackup',
      BackupMethod: incremental ? 'Physical' : plan.method,
      BackupMode: job.kind === 1 ? 'Manual' : 'Automated',
      BackupSize: size,
      BackupDownloadURL: '',
      BackupIntranetDownloadURL: '',
      BackupDBNames: 'all',
      EngineVersion: raw.EngineVersion,
      NodeInstanceId: plan.shards > 1 ? `${raw.InstanceId}-db-${shard}` : raw.InstanceId,
      RecoverConfigMode: RECOVER_CONFIG_MODE,
      ExpectExpireTime: isoSeconds(job.startMs + plan.retentionDays * DAY_MS),
    });
  }
  return out;
}

/** When a daily plan's automated backup of UTC day `day` (days since the epoch) starts. */
export function automatedStartMs(instanceId: string, plan: BackupPlan, day: number): number {
  return (
    day * DAY_MS + plan.windowMinute * MINUTE_MS + between(rngFor(instanceId, 'auto', day), 0, 1500) * 1000
  );
}

/** Whether a daily plan takes an automated backup on UTC day `day`. */
export function runsOn(plan: BackupPlan, day: number): boolean {
  return !plan.weekdays || plan.weekdays.includes(new Date(day * DAY_MS).getUTCDay());
}

function dailyJobs(instanceId: string, plan: BackupPlan, fromMs: number, nowMs: number): Job[] {
  const jobs: Job[] = [];
  for (let day = Math.floor(fromMs / DAY_MS); day * DAY_MS <= nowMs; day++) {
    const dayStart = day * DAY_MS;
    const auto = rngFor(instanceId, 'auto', day);
    // The first draw is the start (automatedStartMs); the job's own draws follow.
    const startMs = dayStart + plan.windowMinute * MINUTE_MS + between(auto, 0, 1500) * 1000;
    if (runsOn(plan, day)) jobs.push({ startMs, kind: 0, rng: auto });
    const manual = rngFor(instanceId, 'manual', day);
    if (manual() < plan.manualPerDay) {
      jobs.push({ startMs: dayStart + between(manual, 8 * 3600, 20 * 3600) * 1000, kind: 1, rng: manual });
    }
    for (let i = 0; i < plan.incrementalsPerDay; i++) {
      const step = DAY_MS / plan.incrementalsPerDay;
      const inc = rngFor(instanceId, 'inc', day, i);
      jobs.push({ startMs: dayStart + i * step + between(inc, 60, 300) * 1000, kind: 2, rng: inc });
    }
  }
  return jobs;
}

function intervalJobs(instanceId: string, plan: BackupPlan, fromMs: number, nowMs: number): Job[] {
  const step = plan.intervalMinutes * MINUTE_MS;
  const jobs: Job[] = [];
  for (let slot = Math.floor(fromMs / step); slot * step <= nowMs; slot++) {
    const rng = rngFor(instanceId, 'tick', slot);
    jobs.push({ startMs: slot * step + between(rng, 0, 90) * 1000, kind: 0, rng });
  }
  return jobs;
}

/** All finished backups inside the retention window, newest first. */
export function generateBackups(instance: SeedInstance, now: Date): RawBackup[] {
  const { plan, raw } = instance;
  if (plan.kind === 'doc-example') return DOC_EXAMPLE_BACKUPS.map((b) => ({ ...b }));
  if (plan.kind === 'none') return [];
  // Materializing millions of rows is exactly what the bulk instance exists to avoid.
  if (plan.kind === 'bulk') throw new Error('Bulk backups are computed per index: use a bulk store.');
  const nowMs = now.getTime();
  const fromMs = Math.max(nowMs - plan.retentionDays * DAY_MS, Date.parse(raw.CreateTime) + HOUR_MS);
  const jobs =
    plan.kind === 'interval'
      ? intervalJobs(raw.InstanceId, plan, fromMs, nowMs)
      : dailyJobs(raw.InstanceId, plan, fromMs, nowMs);
  // Backups that stopped n days ago: nothing from the first of those calendar days on.
  const untilMs = plan.stoppedDaysAgo
    ? Math.min(nowMs, (Math.floor(nowMs / DAY_MS) - plan.stoppedDaysAgo + 1) * DAY_MS)
    : nowMs;
  const backups: RawBackup[] = [];
  for (const job of jobs) {
    if (job.startMs < fromMs || job.startMs >= untilMs) continue;
    backups.push(...expandJob(instance, job, nowMs));
  }
  // Newest first; shards of one job keep shard order.
  return backups.sort((a, b) => (b.BackupJobID ?? 0) - (a.BackupJobID ?? 0) || a.BackupId - b.BackupId);
}
