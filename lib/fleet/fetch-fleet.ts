import 'server-only';
import { fetchInstance, fetchInstances } from '@/lib/instances/fetch-instances';
import { backupsPerDay, fleetHealth, type FleetEntry } from './fleet-health';

// The data layer behind the fleet page and the backups page's health header: scopes apply (an instance out of
// scope does not exist), every figure comes from the index.

export interface FleetAnswer {
  instances: FleetEntry[];
  evaluatedAt: string;
}

export interface InstanceHealthAnswer extends FleetEntry {
  evaluatedAt: string;
  /** Per UTC day of the asked range: backups by outcome, and the mean size of the successful full ones. */
  perDay: { date: string; success: number; failed: number; meanFullBytes: number | null }[];
}

export async function fetchFleet(scope: readonly string[] | null): Promise<FleetAnswer> {
  const now = Date.now();
  return {
    instances: await fleetHealth(await fetchInstances(scope), now),
    evaluatedAt: new Date(now).toISOString(),
  };
}

export async function fetchInstanceHealth(
  instanceId: string,
  range: { start: Date; end: Date },
  scope: readonly string[] | null,
): Promise<InstanceHealthAnswer> {
  const now = Date.now();
  const instance = await fetchInstance(instanceId, scope);
  const [[entry], perDay] = await Promise.all([
    fleetHealth([instance], now),
    backupsPerDay(instanceId, range.start.getTime(), range.end.getTime()),
  ]);
  return { ...entry!, evaluatedAt: new Date(now).toISOString(), perDay };
}
