import 'server-only';
import type { Selectable } from 'kysely';
import type { IndexDb } from '@/lib/backup-index/db';
import type { AlertOutboxTable } from '@/lib/backup-index/schema';
import type { AlertMessage } from './message';

// The alert outbox in the index database. A message is written in the transaction that records its transition
// (monitor.ts), under the transition's own key, so writing it again is a no-op; it is sent later, marked sent
// right after the webhook takes it, and retried with backoff until then (for a day at most).

export type OutboxRow = Selectable<AlertOutboxTable>;
type Writer = Pick<IndexDb, 'insertInto'>;

const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 30 * 60_000;
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;
/** A claimed message is due again after this if its sender never marked it (it died mid-send). */
const CLAIM_MS = 60_000;

/** 5 s, 10 s, 20 s … at most 30 minutes. */
export function retryDelay(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** Adds a message unless one with its id exists. `sendable` false records it as skipped (no webhook set). */
export async function enqueue(
  db: Writer,
  message: AlertMessage,
  now: number,
  sendable: boolean,
): Promise<void> {
  await db
    .insertInto('alert_outbox')
    .values({
      id: message.id,
      instance_id: message.instanceId ?? '',
      kind: message.kind,
      payload: JSON.stringify(message),
      created_ms: now,
      status: sendable ? 'pending' : 'skipped',
      attempts: 0,
      next_attempt_ms: sendable ? now : null,
      sent_ms: null,
      last_error: sendable ? null : 'ALERT_WEBHOOK_URL is not set',
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function dueMessages(db: IndexDb, now: number, limit = 20): Promise<OutboxRow[]> {
  return db
    .selectFrom('alert_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_ms', '<=', now)
    .orderBy('created_ms')
    .limit(limit)
    .execute();
}

/**
 * Takes a due message for this process to send: replicas sharing the outbox (PostgreSQL) all see it due, and
 * only the one whose claim moved its next attempt sends it. False when another process took it first.
 */
export async function claim(db: IndexDb, row: OutboxRow, now: number): Promise<boolean> {
  if (row.next_attempt_ms === null) return false;
  const result = await db
    .updateTable('alert_outbox')
    .set({ next_attempt_ms: now + CLAIM_MS })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('next_attempt_ms', '=', row.next_attempt_ms)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The soonest retry still pending, if any. */
export async function nextDueAt(db: IndexDb): Promise<number | null> {
  const row = await db
    .selectFrom('alert_outbox')
    .select('next_attempt_ms')
    .where('status', '=', 'pending')
    .orderBy('next_attempt_ms')
    .limit(1)
    .executeTakeFirst();
  return row?.next_attempt_ms ?? null;
}

export async function markSent(db: IndexDb, id: string, now: number): Promise<void> {
  await db
    .updateTable('alert_outbox')
    .set((eb) => ({
      status: 'sent',
      sent_ms: now,
      next_attempt_ms: null,
      attempts: eb('attempts', '+', 1),
      last_error: null,
    }))
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: IndexDb, row: OutboxRow, error: string, now: number): Promise<void> {
  const attempts = row.attempts + 1;
  const giveUp = now - row.created_ms >= GIVE_UP_AFTER_MS;
  await db
    .updateTable('alert_outbox')
    .set({
      status: giveUp ? 'failed' : 'pending',
      attempts,
      next_attempt_ms: giveUp ? null : now + retryDelay(attempts),
      last_error: error,
    })
    .where('id', '=', row.id)
    .execute();
}

export async function recentMessages(db: IndexDb, limit = 50): Promise<OutboxRow[]> {
  return db.selectFrom('alert_outbox').selectAll().orderBy('created_ms', 'desc').limit(limit).execute();
}
