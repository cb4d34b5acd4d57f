'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { DayStrip } from '@/components/health/day-strip';
import { StateBadge } from '@/components/health/state-badge';
import { RelativeTime } from '@/components/ui/relative-time';
import type { FleetEntry } from '@/lib/fleet/fleet-health';
import type { FleetSortField } from './fleet-view-logic';

// The fleet table's columns, in order. A column is a header key (fleet.columns.<id>), a cell and, through
// SORT_VALUES in fleet-view-logic.ts, what it sorts by: adding one is adding an entry here and there.

export interface CellContext {
  /** The instance's backups page, in the display zone the fleet is shown in. */
  href: (instanceId: string) => string;
  policy: (e: FleetEntry) => string | null;
  reason: (e: FleetEntry) => string;
  sizeTrend: (e: FleetEntry) => string | null;
  architecture: (e: FleetEntry) => string;
  never: string;
  stripLabel: string;
  neverVerified: string;
  /** "Latest verification failed: corrupt", for a failed one. */
  verificationFailed: (e: FleetEntry) => string;
}

export interface FleetColumn {
  id: FleetSortField;
  className?: string;
  cell: (e: FleetEntry, ctx: CellContext) => ReactNode;
}

/** The backups page of an instance; a `tz=` the fleet's link carried goes along, as the instance picker does. */
export function backupsHref(instanceId: string, tz: string | null): string {
  const path = `/instances/${encodeURIComponent(instanceId)}/backups`;
  return tz ? `${path}?${new URLSearchParams({ tz })}` : path;
}

export const FLEET_COLUMNS: FleetColumn[] = [
  {
    id: 'instance',
    cell: (e, ctx) => (
      <div className="min-w-40">
        <Link
          href={ctx.href(e.instanceId)}
          className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
        >
          {e.name}
        </Link>
        <div className="font-mono text-xs text-slate-600 dark:text-slate-300">{e.instanceId}</div>
      </div>
    ),
  },
  {
    id: 'state',
    cell: (e, ctx) => {
      const trend = ctx.sizeTrend(e);
      return (
        <div className="max-w-60 space-y-1">
          <StateBadge state={e.health.state} />
          <p className="text-xs text-slate-700 dark:text-slate-300">{ctx.reason(e)}</p>
          {trend && <p className="text-xs text-amber-800 dark:text-amber-200">{trend}</p>}
        </div>
      );
    },
  },
  {
    id: 'lastSuccess',
    className: 'whitespace-nowrap',
    cell: (e, ctx) => (e.health.lastSuccessAt ? <RelativeTime iso={e.health.lastSuccessAt} /> : ctx.never),
  },
  { id: 'policy', className: 'min-w-44 text-xs', cell: (e, ctx) => ctx.policy(e) ?? '—' },
  { id: 'days', cell: (e, ctx) => <DayStrip days={e.health.days} label={ctx.stripLabel} /> },
  { id: 'region', className: 'whitespace-nowrap', cell: (e) => e.regionId },
  { id: 'architecture', className: 'min-w-24', cell: (e, ctx) => ctx.architecture(e) },
  {
    id: 'verified',
    className: 'whitespace-nowrap',
    cell: (e, ctx) =>
      e.verification.at === null ? (
        <span className="text-xs font-medium text-amber-800 dark:text-amber-200">{ctx.neverVerified}</span>
      ) : (
        <div className="space-y-0.5">
          <RelativeTime iso={e.verification.at} />
          {e.verification.flag === 'latest_failed' && (
            <p className="text-xs font-medium text-red-700 dark:text-red-300">{ctx.verificationFailed(e)}</p>
          )}
        </div>
      ),
  },
];
