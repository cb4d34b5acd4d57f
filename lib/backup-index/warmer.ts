import 'server-only';
import { getConfig } from '@/lib/config';
import { fetchInstances } from '@/lib/instances/fetch-instances';
import { HORIZON_DAYS } from '@/lib/health/types';
import { processSingleton } from '@/lib/process-singleton';
import { getSyncEngine } from './sync-engine';

// Keeps every instance's recent days fresh in the background, so the pages people open first answer from
// the index at once. One instance at a time, spread evenly over INDEX_FRESH_SECONDS, through the same
// upstream budget as everyone else: a warmed fleet costs about one call per instance per period.

const PURGE_EVERY_MS = 60 * 60_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

async function warmOnce(days: number, periodMs: number): Promise<void> {
  const instances = await fetchInstances(null);
  const gap = periodMs / Math.max(1, instances.length);
  for (const instance of instances) {
    const now = Date.now();
    try {
      const plan = await getSyncEngine().plan(instance.instanceId, instance.regionId, {
        start: now - days * 86_400_000,
        end: now,
      });
      await Promise.all(plan.syncs.map((s) => s.done));
    } catch {
      // Recorded in the instance's sync state; the next round tries again.
    }
    await sleep(gap);
  }
}

async function loop(): Promise<never> {
  const { INDEX_WARM_DAYS, INDEX_FRESH_SECONDS } = getConfig();
  let lastPurge = 0;
  for (;;) {
    const started = Date.now();
    if (started - lastPurge > PURGE_EVERY_MS) {
      lastPurge = started;
      await getSyncEngine()
        .purgeExpired(started)
        .catch(() => 0);
    }
    // At least the days the health model judges (and the day before, for a window open at midnight).
    const days = Math.max(INDEX_WARM_DAYS, HORIZON_DAYS + 1);
    await warmOnce(days, INDEX_FRESH_SECONDS * 1000).catch(() => undefined);
    // At least a second between rounds, even when there is nothing to warm.
    await sleep(Math.max(1_000, INDEX_FRESH_SECONDS * 1000 - (Date.now() - started)));
  }
}

/** Starts the warmer once per process when INDEX_WARM says so (default: on in demo mode). */
export function startWarmerIfEnabled(): boolean {
  const { INDEX_WARM, KVSTORE_DEMO } = getConfig();
  if (!(INDEX_WARM ?? KVSTORE_DEMO)) return false;
  processSingleton('warmer', () => {
    void loop();
    return true;
  });
  return true;
}
