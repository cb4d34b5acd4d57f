import 'server-only';
import { getConfig } from '@/lib/config';
import type { IndexDb } from '@/lib/backup-index/db';
import type { AlertMessage } from './message';
import { claim, dueMessages, markFailed, markSent } from './outbox';
import { acceptance, webhookRequest } from './webhook-request';

// Sends what the outbox holds that is due, one message at a time and in order, each once: a message is marked
// sent as soon as the webhook took it (receivers can also drop a repeat by its x-kvstore-alert-id). Each is
// claimed first, so replicas sharing the outbox never send the same one twice.

const TIMEOUT_MS = 10_000;

async function send(message: AlertMessage): Promise<string | null> {
  const { ALERT_WEBHOOK_URL, ALERT_WEBHOOK_FORMAT, ALERT_WEBHOOK_SECRET } = getConfig();
  if (!ALERT_WEBHOOK_URL) return 'ALERT_WEBHOOK_URL is not set';
  const req = webhookRequest(
    ALERT_WEBHOOK_FORMAT,
    ALERT_WEBHOOK_URL,
    ALERT_WEBHOOK_SECRET,
    message,
    Date.now(),
  );
  try {
    const res = await fetch(req.url, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return acceptance(ALERT_WEBHOOK_FORMAT, res.status, await res.text().catch(() => ''));
  } catch (err) {
    // Network errors name no secret (the URL's token never appears in them), but keep it to our words.
    const code = (err as { cause?: { code?: string } }).cause?.code;
    return err instanceof Error && err.name === 'TimeoutError'
      ? `the webhook did not answer within ${TIMEOUT_MS / 1000} s`
      : `the webhook could not be reached${code ? ` (${code})` : ''}`;
  }
}

/** Sends every due message; returns how many were sent. */
export async function deliverDue(db: IndexDb): Promise<number> {
  let sent = 0;
  for (const row of await dueMessages(db, Date.now())) {
    if (!(await claim(db, row, Date.now()))) continue;
    const problem = await send(JSON.parse(row.payload) as AlertMessage);
    if (problem === null) {
      await markSent(db, row.id, Date.now());
      sent++;
    } else {
      await markFailed(db, row, problem, Date.now());
    }
  }
  return sent;
}
