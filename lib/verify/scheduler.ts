import 'server-only';
import { getIndexDb } from '@/lib/backup-index/db';
import { getSyncEngine } from '@/lib/backup-index/sync-engine';
import { getConfig } from '@/lib/config';
import { fetchInstances } from '@/lib/instances/fetch-instances';
import { processSingleton } from '@/lib/process-singleton';
import { latestFullBackups } from './backups-to-verify';
import { getVerificationRunner } from './runner';
import { resultsFor } from './store';

// VERIFY_SCHEDULE: each instance's latest successful full backup (on a cluster, its latest job's shards) is
// verified once per period. Each instance is looked at four times a period: its recent days are synced, and
// whatever latest backup has no verification from within the period is queued behind any manual ones.

export const PERIOD_MS = { hourly: 3_600_000, daily: 86_400_000, weekly: 7 * 86_400_000 } as const;
export type Schedule = keyof typeof PERIOD_MS;

const TICK_MS = 60_000;
const DAY_MS = 86_400_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** One look at one instance: queues what is due; returns how many were queued. */
export async function checkInstance(
  instance: { instanceId: string; regionId: string },
  periodMs: number,
  now = Date.now(),
): Promise<number> {
  const runner = getVerificationRunner();
  if (runner.busyWith(instance.instanceId)) return 0;
  const plan = await getSyncEngine().plan(instance.instanceId, instance.regionId, {
    start: now - Math.max(2 * DAY_MS, 2 * periodMs),
    end: now,
  });
  await Promise.all(plan.syncs.map((s) => s.done));
  const db = await getIndexDb();
  const latest = await latestFullBackups(db, instance.instanceId);
  const fresh = new Set(
    (
      await resultsFor(
        db,
        instance.instanceId,
        latest.map((b) => b.backupId),
      )
    )
      .filter((r) => Date.parse(r.finishedAt) > now - periodMs)
      .map((r) => r.backupId),
  );
  let queued = 0;
  for (const backup of latest) {
    if (fresh.has(backup.backupId)) continue;
    runner.enqueue({
      instanceId: instance.instanceId,
      backupId: backup.backupId,
      jobId: backup.backupJobId,
      size: backup.size,
      origin: 'scheduled',
      user: null,
    });
    queued++;
  }
  return queued;
}

async function loop(periodMs: number): Promise<never> {
  const lookedAt = new Map<string, number>();
  for (;;) {
    try {
      for (const instance of await fetchInstances(null)) {
        const now = Date.now();
        if (now - (lookedAt.get(instance.instanceId) ?? 0) < periodMs / 4) continue;
        lookedAt.set(instance.instanceId, now);
        await checkInstance(instance, periodMs, now).catch((err: unknown) =>
          console.error(
            `[verify] scheduled check of ${instance.instanceId} failed:`,
            err instanceof Error ? err.message : String(err),
          ),
        );
      }
    } catch (err) {
      console.error(
        '[verify] the schedule could not list instances:',
        err instanceof Error ? err.message : String(err),
      );
    }
    await sleep(TICK_MS);
  }
}

/** Starts the schedule once per process unless VERIFY_SCHEDULE is off. */
export function startVerifySchedulerIfEnabled(): boolean {
  const schedule = getConfig().VERIFY_SCHEDULE;
  if (schedule === 'off') return false;
  processSingleton('verify-scheduler', () => {
    void loop(PERIOD_MS[schedule]);
    return true;
  });
  return true;
}
