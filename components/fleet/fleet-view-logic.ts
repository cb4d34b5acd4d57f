import type { FleetEntry } from '@/lib/fleet/fleet-health';
import { HEALTH_STATES, type HealthState } from '@/lib/health/types';
import type { FleetSearchState } from './fleet-search-params';

// Pure: the fleet table's filtering, searching, sorting and counting, on the rows the server sent.

/** Worst first: the order the state column sorts in. */
export const STATE_ORDER: readonly HealthState[] = ['failing', 'late', 'unknown', 'no_backups', 'ok'];

export const FLEET_SORT_FIELDS = [
  'instance',
  'state',
  'lastSuccess',
  'policy',
  'days',
  'region',
  'architecture',
  'verified',
] as const;
export type FleetSortField = (typeof FLEET_SORT_FIELDS)[number];

type SortValue = string | number | null;

/** Each sortable column's value; null sorts last in either direction. */
export const SORT_VALUES: Record<FleetSortField, (e: FleetEntry) => SortValue> = {
  instance: (e) => e.name.toLowerCase(),
  state: (e) => STATE_ORDER.indexOf(e.health.state),
  lastSuccess: (e) => (e.health.lastSuccessAt ? Date.parse(e.health.lastSuccessAt) : null),
  policy: (e) =>
    e.policy?.windowStartMinute == null
      ? null
      : (e.health.periodMs ?? 0) * 10_000 + e.policy.windowStartMinute,
  days: (e) => e.health.days.filter((d) => d.kind === 'success').length,
  region: (e) => e.regionId,
  architecture: (e) => e.architecture,
  // Worst first: the latest verification failed, never verified, then the longest ago.
  verified: (e) =>
    e.verification.flag === 'latest_failed'
      ? -2
      : e.verification.at === null
        ? -1
        : Date.parse(e.verification.at),
};

export function parseSort(sort: string): { field: FleetSortField; desc: boolean } {
  const [field, dir] = sort.split('.');
  return (FLEET_SORT_FIELDS as readonly string[]).includes(field ?? '') && (dir === 'asc' || dir === 'desc')
    ? { field: field as FleetSortField, desc: dir === 'desc' }
    : { field: 'state', desc: false };
}

function matches(e: FleetEntry, words: string[]): boolean {
  const haystack = [e.name, e.instanceId, e.regionId, e.architecture, e.engine].map((s) => s.toLowerCase());
  return words.every((w) => haystack.some((h) => h.includes(w)));
}

export function viewFleet(entries: readonly FleetEntry[], view: FleetSearchState): FleetEntry[] {
  const words = view.q.toLowerCase().split(/\s+/).filter(Boolean);
  const { field, desc } = parseSort(view.sort);
  const value = SORT_VALUES[field];
  return entries
    .filter(
      (e) =>
        (view.state.length === 0 || view.state.includes(e.health.state)) &&
        (view.region.length === 0 || view.region.includes(e.regionId)) &&
        matches(e, words),
    )
    .sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null || vb === null) return va === vb ? a.name.localeCompare(b.name) : va === null ? 1 : -1;
      const order = va < vb ? -1 : va > vb ? 1 : 0;
      return (
        (desc ? -order : order) || a.name.localeCompare(b.name) || a.instanceId.localeCompare(b.instanceId)
      );
    });
}

export function countByState(entries: readonly FleetEntry[]): Record<HealthState, number> {
  const counts = Object.fromEntries(HEALTH_STATES.map((s) => [s, 0])) as Record<HealthState, number>;
  for (const e of entries) counts[e.health.state]++;
  return counts;
}

export function countByRegion(entries: readonly FleetEntry[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.regionId, (counts.get(e.regionId) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}
