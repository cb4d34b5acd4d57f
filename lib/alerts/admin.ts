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

/** Queues a test message and sends it now; answers with its id (its outcome shows in the overview). */
export async function sendTestAlert(by: string): Promise<{ id: string }> {
  const now = Date.now();
  const id = `test:${randomUUID()}`;
  await enqueue(await getIndexDb(), testMessage(id, by, now), now, !!getConfig().ALERT_WEBHOOK_URL);
  await runNow();
  return { id };
}
