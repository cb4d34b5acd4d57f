import type { HealthReason, HealthState, InstanceHealth } from '@/lib/health/types';
import type { AlertKind } from './transitions';

// What an alert says, in one shape for every webhook format. The text is English: a webhook goes to a shared
// channel, not to one viewer's language.

export interface AlertMessage {
  id: string;
  kind: AlertKind;
  instanceId: string | null;
  instanceName: string | null;
  regionId: string | null;
  state: HealthState | null;
  reason: HealthReason | null;
  lastSuccessAt: string | null;
  /** When the transition was seen (ISO). */
  at: string;
  /** One line for people. */
  summary: string;
  /** The instance's backups in the console, when the console's URL is known (NEXTAUTH_URL). */
  url: string | null;
}

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export function reasonText(reason: HealthReason): string {
  switch (reason.code) {
    case 'missed_windows':
      return `${reason.windows} expected backup windows passed since the last successful backup`;
    case 'failure_streak':
      return reason.failedShards > 0
        ? `${reason.failures} jobs in a row failed (${reason.failedShards === 1 ? 'a shard' : `${reason.failedShards} shards`} did not finish)`
        : `${reason.failures} backups in a row failed`;
    case 'never_succeeded':
      return `no successful backup in 30 days (${reason.failures} failed)`;
    case 'last_attempt_failed':
      return 'the last backup failed';
    case 'on_schedule':
      return 'backups are on schedule';
    case 'no_backups':
      return `no backup in ${reason.days} days`;
    case 'policy_unreadable':
      return `the backup policy cannot be read (${reason.errorCode})`;
    case 'policy_not_read':
      return 'the backup policy has not been read yet';
    case 'policy_incomplete':
      return 'the backup policy names no window or weekday';
    case 'not_indexed':
      return 'its backups have not been read yet';
    case 'index_stale':
      return `its backups could not be read since ${utc(reason.since)}`;
  }
}

export function healthMessage(
  id: string,
  kind: Exclude<AlertKind, 'test'>,
  instance: { instanceId: string; name: string; regionId: string },
  health: InstanceHealth,
  at: number,
  consoleUrl: string | null,
): AlertMessage {
  const who = `${instance.instanceId} (${instance.name}, ${instance.regionId})`;
  const last = health.lastSuccessAt
    ? `last successful backup ${utc(health.lastSuccessAt)}`
    : 'no successful backup';
  const summary =
    kind === 'recovered'
      ? `Recovered: ${who} is backing up again; ${last}.`
      : `${kind === 'late' ? 'Late' : 'Failing'}: ${who}: ${reasonText(health.reason)}; ${last}.`;
  return {
    id,
    kind,
    instanceId: instance.instanceId,
    instanceName: instance.name,
    regionId: instance.regionId,
    state: health.state,
    reason: health.reason,
    lastSuccessAt: health.lastSuccessAt,
    at: new Date(at).toISOString(),
    summary,
    url: consoleUrl
      ? `${consoleUrl.replace(/\/+$/, '')}/instances/${encodeURIComponent(instance.instanceId)}/backups`
      : null,
  };
}

export function testMessage(id: string, by: string, at: number): AlertMessage {
  return {
    id,
    kind: 'test',
    instanceId: null,
    instanceName: null,
    regionId: null,
    state: null,
    reason: null,
    lastSuccessAt: null,
    at: new Date(at).toISOString(),
    summary: `Test alert from kvstore-backups, sent by ${by}: alerts reach this channel.`,
    url: null,
  };
}
