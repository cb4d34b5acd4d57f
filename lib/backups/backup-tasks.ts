import 'server-only';
import { getKvstoreClient } from '@/lib/aliyun/client';
import type { Instance } from '@/lib/aliyun/types';
import { getSyncEngine } from '@/lib/backup-index/sync-engine';
import { beforeDeadline, detached } from '@/lib/deadline';
import { fetchInstance } from '@/lib/instances/fetch-instances';
import { dropProcessSingleton, processSingleton } from '@/lib/process-singleton';
import type { TasksAnswer } from './answer';

// Running backups: DescribeBackupTasks, asked at most once per instance every TASKS_FRESH_MS however many
// people watch (one call in flight, its answer shared), so upstream calls follow instances, not clicks.
// When a backup finishes, the recent edge of the index is read again before anyone is told, so the
// finished backup is in the table by the time the browser asks for it.

const TASKS_FRESH_MS = 2_000;
const MINUTE_MS = 60_000;

interface Watch {
  checked: number;
  answer: Promise<TasksAnswer>;
  /** Jobs seen running, with when they started: one that is then Finished or gone is re-read. */
  running: Map<string, number>;
  /** Jobs whose finish was re-read already. */
  resynced: Set<string>;
}

const watches = () => processSingleton('backup-tasks', () => new Map<string, Watch>());

async function resync(instance: Instance, fromMs: number): Promise<void> {
  const plan = await getSyncEngine().plan(
    instance.instanceId,
    instance.regionId,
    { start: fromMs - MINUTE_MS, end: Date.now() + MINUTE_MS },
    true,
  );
  // A failed sync is recorded in the index's sync state; the tasks are still worth showing.
  await Promise.all(plan.syncs.map((s) => s.done));
}

async function check(instance: Instance, watch: Watch): Promise<TasksAnswer> {
  const tasks = await getKvstoreClient().describeBackupTasks(instance.regionId, instance.instanceId);
  const listed = new Map(tasks.map((t) => [t.jobId, t]));
  const finished: number[] = [];
  for (const t of tasks) {
    const start = t.startTime ? Date.parse(t.startTime) : Date.now() - 6 * 60 * MINUTE_MS;
    if (t.status !== 'Finished') watch.running.set(t.jobId, start);
    else if (!watch.resynced.has(t.jobId)) {
      watch.resynced.add(t.jobId);
      finished.push(watch.running.get(t.jobId) ?? start);
    }
  }
  for (const [jobId, start] of watch.running) {
    if (listed.get(jobId)?.status === 'Finished' || !listed.has(jobId)) {
      watch.running.delete(jobId);
      if (!listed.has(jobId)) finished.push(start);
    }
  }
  if (finished.length > 0) await resync(instance, Math.min(...finished));
  return { tasks, checkedAt: new Date().toISOString() };
}

export async function listBackupTasks(
  instanceId: string,
  scope: readonly string[] | null,
): Promise<TasksAnswer> {
  const instance = await fetchInstance(instanceId, scope);
  const all = watches();
  let watch = all.get(instanceId);
  if (!watch) {
    watch = {
      checked: 0,
      answer: Promise.resolve({ tasks: [], checkedAt: '' }),
      running: new Map(),
      resynced: new Set(),
    };
    all.set(instanceId, watch);
  }
  if (Date.now() - watch.checked >= TASKS_FRESH_MS) {
    const w = watch;
    w.checked = Date.now();
    w.answer = detached(() => check(instance, w));
    // A failure is not kept: the next poll asks again.
    w.answer.catch(() => (w.checked = 0));
  }
  return beforeDeadline(watch.answer, 'the running backups could not be checked in time; try again.');
}

export function clearBackupTasksForTests(): void {
  dropProcessSingleton('backup-tasks');
}
