import type { HealthState } from '@/lib/health/types';

// Which health changes are worth a message: becoming Late or Failing, and recovering from either. No backups and
// Unknown say nothing about the backups getting better or worse, so they keep the last alert state (an
// instance that was Late and whose policy becomes unreadable is still "late" until it is seen OK).

export const ALERT_STATES = ['ok', 'late', 'failing'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
export type AlertKind = 'late' | 'failing' | 'recovered' | 'test';

export function alertStateOf(state: HealthState, previous: AlertState): AlertState {
  if (state === 'ok' || state === 'late' || state === 'failing') return state;
  return previous;
}

/** The message a change of alert state sends, or null when it sends none. */
export function transitionKind(from: AlertState, to: AlertState): AlertKind | null {
  if (from === to) return null;
  if (to === 'ok') return 'recovered';
  return to;
}

/**
 * A transition's identity: the instance, the change and when the state it leaves began. Whoever detects it
 * (two evaluations racing, a process restarted mid-way) writes the same key, so the outbox holds it once.
 */
export function transitionKey(
  instanceId: string,
  from: AlertState,
  to: AlertState,
  fromSinceMs: number,
): string {
  return `${instanceId}:${from}->${to}:${fromSinceMs}`;
}
