'use client';

import type { ReactTable } from '@tanstack/react-table';
import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { BACKUP_METHODS, BACKUP_MODES, BACKUP_STATUSES, BACKUP_TYPES, type Backup } from '@/lib/aliyun/types';
import type { FacetName, Facets } from '@/lib/backups/facets';
import type { DateRange } from './date-range';
import { Button } from '@/components/ui/button';
import type { BackupsTableFeatures } from './data-table-features';
import { DataTableFacetedFilter } from './data-table-faceted-filter';
import { DataTableViewOptions } from './data-table-view-options';
import { DateRangePicker } from './date-range-picker';
import { SearchBox, type SearchCommit } from './search-box';
import { TimeZonePicker } from './time-zone-picker';

const FACETS: { name: FacetName; known: readonly string[] }[] = [
  { name: 'status', known: BACKUP_STATUSES },
  { name: 'type', known: BACKUP_TYPES },
  { name: 'mode', known: BACKUP_MODES },
  { name: 'method', known: BACKUP_METHODS },
  { name: 'node', known: [] },
];

/** Known values first (so a filter for a value absent from this range still shows, with 0), then any others. */
function facetValues(
  known: readonly string[],
  counts: Record<string, number> | undefined,
  selected: string[],
): string[] {
  const extra = [...Object.keys(counts ?? {}), ...selected].filter((v) => !known.includes(v)).sort();
  return [...known, ...new Set(extra)];
}

export function DataTableToolbar({
  table,
  facets,
  facetsUpdating,
  range,
  onRangeChange,
  q,
  onSearch,
  canReset,
  onReset,
  groupByJob,
  onGroupByJobChange,
  rangeActions,
  tableActions,
}: {
  table: ReactTable<BackupsTableFeatures, Backup>;
  facets: Facets | undefined;
  /** The counts are the previous range's while the new one loads. */
  facetsUpdating: boolean;
  range: DateRange | null;
  onRangeChange: (range: DateRange) => void;
  q: string;
  onSearch: SearchCommit;
  canReset: boolean;
  onReset: () => void;
  /** Offered on cluster instances only, where a job is one backup per shard. */
  groupByJob?: boolean;
  onGroupByJobChange: (on: boolean) => void;
  /** About the range as a whole: how current it is, and reading it again. */
  rangeActions?: ReactNode;
  /** About the rows the filters choose, next to the column options: export. */
  tableActions?: ReactNode;
}) {
  const t = useTranslations('backups.toolbar');
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <DateRangePicker range={range} onChange={onRangeChange} />
        <TimeZonePicker />
        <SearchBox value={q} onSearch={onSearch} />
        {rangeActions}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {FACETS.map(({ name, known }) => {
          const column = table.getColumn(name);
          if (!column) return null;
          const selected = (column.getFilterValue() as string[] | undefined) ?? [];
          return (
            <DataTableFacetedFilter
              key={name}
              column={column}
              facet={name}
              values={facetValues(known, facets?.[name], selected)}
              counts={facets?.[name]}
              countsUpdating={facetsUpdating}
            />
          );
        })}
        {canReset && (
          <Button variant="ghost" size="sm" onClick={onReset}>
            {t('reset')}
            <X aria-hidden className="h-4 w-4" />
          </Button>
        )}
        <div className="ml-auto flex items-center gap-2">
          {groupByJob !== undefined && (
            <label className="flex h-8 items-center gap-2 rounded-md px-2 text-sm select-none">
              <input
                type="checkbox"
                checked={groupByJob}
                onChange={(e) => onGroupByJobChange(e.target.checked)}
                className="h-4 w-4 accent-blue-700 dark:accent-blue-400"
              />
              {t('groupByJob')}
            </label>
          )}
          {tableActions}
          <DataTableViewOptions table={table} />
        </div>
      </div>
    </div>
  );
}
