import { SHARDS_PER_JOB, jobId } from './backup-ids';
import type { BackupStore } from './backup-store';
import { typicalSize } from './backup-changes';
import { RECOVER_CONFIG_MODE } from './backups';
import type { SeedInstance } from './instances';
import { DAY_MS, isoSeconds } from './time-format';
import type { RawBackup } from './types';

// Manual backups started through the admin endpoint. Nothing runs in the background: a task's phase and
// progress are read off the clock each time someone asks, and once it has finished its backups join the
// instance's store the next time the store is read.

export const TASK_PHASES = ['NoStart', 'Preparing', 'Uploading', 'Checking', 'Finished'] as const;
export type TaskPhase = (typeof TASK_PHASES)[number];

/** Where each phase begins, as a share of the task's duration. */
const PHASE_STARTS: ReadonlyArray<[TaskPhase, number]> = [
  ['Checking', 0.85],
  ['Uploading', 0.2],
  ['Preparing', 0.05],
  ['NoStart', 0],
];

/** How long DescribeBackupTasks keeps listing a finished task (undocumented upstream; invented here). */
export const FINISHED_LISTED_MS = 10 * 60_000;

export interface BackupTask {
  jobId: number;
  instanceId: string;
  startMs: number;
  durationMs: number;
  /** Bytes per shard; default a typical size for the instance. */
  size?: number;
  /** Its backups are in the store. */
  settled: boolean;
}

export function taskState(task: BackupTask, nowMs: number): { phase: TaskPhase; progress: number } {
  const share = (nowMs - task.startMs) / task.durationMs;
  if (share >= 1) return { phase: 'Finished', progress: 100 };
  const phase = PHASE_STARTS.find(([, from]) => share >= from)?.[0] ?? 'NoStart';
  return { phase, progress: Math.max(0, Math.floor(share * 100)) };
}

export function finishMs(task: BackupTask): number {
  return task.startMs + task.durationMs;
}

/** A new task's job id: like an added backup's, a second earlier while that id is taken. */
export function newTask(
  instance: SeedInstance,
  store: BackupStore,
  taken: readonly BackupTask[],
  opts: { nowMs: number; durationMs: number; size?: number },
): BackupTask {
  let startMs = Math.floor(opts.nowMs / 1000) * 1000;
  for (;;) {
    const job = jobId(startMs, 3, instance.plan.slot);
    if (!store.find(String(job * SHARDS_PER_JOB)) && !taken.some((t) => t.jobId === job)) {
      return {
        jobId: job,
        instanceId: instance.raw.InstanceId,
        startMs,
        durationMs: opts.durationMs,
        size: opts.size,
        settled: false,
      };
    }
    startMs -= 1000;
  }
}

/** One finished backup per shard, sharing the task's job id. */
export function taskBackups(instance: SeedInstance, task: BackupTask): RawBackup[] {
  const { raw, plan } = instance;
  const shards = Math.max(1, plan.shards);
  return Array.from({ length: shards }, (_, shard) => {
    const id = task.jobId * SHARDS_PER_JOB + shard;
    return {
      BackupId: id,
      BackupJobID: task.jobId,
      BackupStartTime: isoSeconds(task.startMs),
      BackupEndTime: isoSeconds(finishMs(task)),
      BackupStatus: 'Success',
      BackupType: 'FullBackup',
      BackupMethod: plan.method,
      BackupMode: 'Manual',
      BackupSize: task.size ?? typicalSize(instance, 'FullBackup', id),
      BackupDownloadURL: '',
      BackupIntranetDownloadURL: '',
      BackupDBNames: 'all',
      EngineVersion: raw.EngineVersion,
      NodeInstanceId: shards > 1 ? `${raw.InstanceId}-db-${shard}` : raw.InstanceId,
      RecoverConfigMode: RECOVER_CONFIG_MODE,
      ExpectExpireTime: isoSeconds(task.startMs + plan.retentionDays * DAY_MS),
    };
  });
}

/** Moves the backups of every task finished by `nowMs` into the store, once. */
export function settleTasks(
  instance: SeedInstance,
  store: BackupStore,
  tasks: readonly BackupTask[],
  nowMs: number,
): void {
  for (const task of tasks) {
    if (task.settled || finishMs(task) > nowMs) continue;
    task.settled = true;
    for (const backup of taskBackups(instance, task)) store.add(backup);
  }
}
