import 'server-only';
import { getIndexDb } from '@/lib/backup-index/db';
import { getSyncEngine } from '@/lib/backup-index/sync-engine';
import { getConfig } from '@/lib/config';
import { fleetHealth } from '@/lib/fleet/fleet-health';
import { fetchInstances } from '@/lib/instances/fetch-instances';
import { processSingleton } from '@/lib/process-singleton';
import { deliverDue } from './deliver';
import { healthMessage } from './message';
import { enqueue, nextDueAt } from './outbox';
import { alertStateOf, transitionKey, transitionKind, type AlertState } from './transitions';

// Watches the fleet's health in the background: after every sync (debounced) and every half minute, evaluates
// every instance from the index, records each change of alert state together with its message in one
// transaction, then sends what is due. Restarting loses nothing (the outbox is in the database) and repeats
// nothing (a transition's key is the same whoever writes it, and a sent message is marked).

const EVERY_MS = 30_000;
// Syncs settle in bursts (the warmer, a page's slices): one evaluation at most this long after the first.
const DEBOUNCE_MS = 2_000;

export interface EvaluationResult {
  evaluatedAt: number;
  transitions: number;
}

/** One evaluation of every instance; returns how many transitions it recorded. */
export async function evaluateFleet(now = Date.now()): Promise<EvaluationResult> {
  const { ALERT_WEBHOOK_URL, NEXTAUTH_URL } = getConfig();
  const entries = await fleetHealth(await fetchInstances(null), now);
  const db = await getIndexDb();
  let transitions = 0;
  await db.transaction().execute(async (trx) => {
    const previous = new Map(
      (await trx.selectFrom('health_state').selectAll().execute()).map((r) => [r.instance_id, r]),
    );
    for (const e of entries) {
      const before = previous.get(e.instanceId);
      const from = (before?.alert_state ?? 'ok') as AlertState;
      const fromSince = before?.since_ms ?? 0;
      const to = alertStateOf(e.health.state, from);
      const kind = transitionKind(from, to);
      if (kind && kind !== 'test') {
        const id = transitionKey(e.instanceId, from, to, fromSince);
        await enqueue(
          trx,
          healthMessage(id, kind, e, e.health, now, NEXTAUTH_URL ?? null),
          now,
          !!ALERT_WEBHOOK_URL,
        );
        transitions++;
      }
      const row = {
        state: e.health.state,
        alert_state: to,
        since_ms: kind ? now : fromSince,
        reason: JSON.stringify(e.health.reason),
        evaluated_ms: now,
      };
      await trx
        .insertInto('health_state')
        .values({ instance_id: e.instanceId, ...row })
        .onConflict((oc) => oc.column('instance_id').doUpdateSet(row))
        .execute();
    }
  });
  return { evaluatedAt: now, transitions };
}

interface Monitor {
  running: Promise<void> | null;
  again: boolean;
  debounce: ReturnType<typeof setTimeout> | null;
  retry: ReturnType<typeof setTimeout> | null;
  lastEvaluatedAt: number | null;
  lastError: string | null;
}

const monitor = () =>
  processSingleton<Monitor>('health-monitor', () => ({
    running: null,
    again: false,
    debounce: null,
    retry: null,
    lastEvaluatedAt: null,
    lastError: null,
  }));

async function round(m: Monitor): Promise<void> {
  try {
    const { evaluatedAt } = await evaluateFleet();
    m.lastEvaluatedAt = evaluatedAt;
    m.lastError = null;
  } catch (err) {
    // No instance list yet (a cold start), or the index is busy: the next round tries again.
    m.lastError = err instanceof Error ? err.message : String(err);
  }
  const db = await getIndexDb();
  await deliverDue(db).catch((err: unknown) => {
    m.lastError = err instanceof Error ? err.message : String(err);
  });
  const due = await nextDueAt(db).catch(() => null);
  if (m.retry) clearTimeout(m.retry);
  m.retry = due === null ? null : setTimeout(() => runSoon(0), Math.max(0, due - Date.now()) + 50);
  m.retry?.unref();
}

/** Evaluates and delivers now (or right after the round that is running); rounds never overlap. */
export function runNow(): Promise<void> {
  const m = monitor();
  if (m.running) {
    m.again = true;
    return m.running;
  }
  m.running = round(m).finally(() => {
    m.running = null;
    if (m.again) {
      m.again = false;
      void runNow();
    }
  });
  return m.running;
}

function runSoon(delayMs = DEBOUNCE_MS): void {
  const m = monitor();
  // One round per burst: a round already due keeps its time (a stream of syncs must not push it back forever),
  // unless this asks for sooner.
  if (m.debounce && delayMs >= DEBOUNCE_MS) return;
  if (m.debounce) clearTimeout(m.debounce);
  m.debounce = setTimeout(() => {
    m.debounce = null;
    void runNow();
  }, delayMs);
  m.debounce.unref();
}

export function monitorStatus(): { lastEvaluatedAt: string | null; lastError: string | null } {
  const m = monitor();
  return {
    lastEvaluatedAt: m.lastEvaluatedAt === null ? null : new Date(m.lastEvaluatedAt).toISOString(),
    lastError: m.lastError,
  };
}

/** Once per process (instrumentation.ts): after each sync, every half minute, and once now. */
export function startHealthMonitor(): void {
  processSingleton('health-monitor-started', () => {
    getSyncEngine().onSettled(() => runSoon());
    setInterval(() => runSoon(0), EVERY_MS).unref();
    runSoon(0);
    return true;
  });
}
