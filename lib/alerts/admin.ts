import 'server-only';
import { randomUUID } from 'node:crypto';
import { getIndexDb } from '@/lib/backup-index/db';
import { getConfig } from '@/lib/config';
import type { AlertMessage } from './message';
import { testMessage } from './message';
import { monitorStatus, runNow } from './monitor';
import { enqueue, recentMessages } from './outbox';

// What admins see of alerting: where alerts go (the webhook's origin only: its path or query may hold a token),
// the recent messages and their delivery, and a test message on demand.

export interface AlertRow {
  id: string;
  kind: string;
  instanceId: string | null;
  summary: string;
  createdAt: string;
  status: string;
  attempts: number;
  sentAt: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
}

export interface AlertsOverview {
  webhook: { configured: boolean; format: string; target: string | null; signed: boolean };
  lastEvaluatedAt: string | null;
  alerts: AlertRow[];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function alertsOverview(): Promise<AlertsOverview> {
  const { ALERT_WEBHOOK_URL, ALERT_WEBHOOK_FORMAT, ALERT_WEBHOOK_SECRET } = getConfig();
  const rows = await recentMessages(await getIndexDb());
  return {
    webhook: {
      configured: !!ALERT_WEBHOOK_URL,
      format: ALERT_WEBHOOK_FORMAT,
      target: ALERT_WEBHOOK_URL ? new URL(ALERT_WEBHOOK_URL).origin : null,
      signed: !!ALERT_WEBHOOK_SECRET && ALERT_WEBHOOK_FORMAT !== 'slack',
    },
    lastEvaluatedAt: monitorStatus().lastEvaluatedAt,
    alerts: rows.map((r) => {
      const message = JSON.parse(r.payload) as AlertMessage;
      return {
        id: r.id,
        kind: r.kind,
        instanceId: message.instanceId,
        summary: message.summary,
        createdAt: iso(r.created_ms)!,
        status: r.status,
        attempts: r.attempts,
        sentAt: iso(r.sent_ms),
        nextAttemptAt: iso(r.next_attempt_ms),
        lastError: r.last_error,
      };
    }),
  };
}

export interface TestAlertOutcome {
  id: string;
  /** The outbox status after one try: `sent`, `pending` (to be retried), or `skipped` (no webhook set). */
  status: string;
  /** Why the webhook did not take it, when it did not. */
  error: string | null;
}

/** Queues a test message, sends it now and answers how that went (the overview shows it too). */
export async function sendTestAlert(by: string): Promise<TestAlertOutcome> {
  const now = Date.now();
  const id = `test:${randomUUID()}`;
  const db = await getIndexDb();
  await enqueue(db, testMessage(id, by, now), now, !!getConfig().ALERT_WEBHOOK_URL);
  const read = () =>
    db
      .selectFrom('alert_outbox')
      .select(['status', 'attempts', 'last_error'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  await runNow();
  let row = await read();
  // A round already running when it was queued may have missed it: the one after it sends it.
  if (row.status === 'pending' && row.attempts === 0) {
    await runNow();
    row = await read();
  }
  return { id, status: row.status, error: row.last_error };
}
