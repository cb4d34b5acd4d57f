'use client';

import type { ReactTable, Row } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { Fragment } from 'react';
import type { Backup } from '@/lib/aliyun/types';
import { cn } from '@/lib/ui/cn';
import { Skeleton } from '@/components/ui/skeleton';
import { SetNodeRows } from './set-cells-lazy';
import type { BackupsTableFeatures } from './data-table-features';

export type BackupsTable = ReactTable<BackupsTableFeatures, Backup>;
type BackupRow = Row<BackupsTableFeatures, Backup>;

const cellClass = 'px-2.5 py-2 align-middle';

/** Rows of the previous view while the next loads: clearly faded in both themes, and not clickable. */
export const UPDATING_ROWS = 'pointer-events-none opacity-40 grayscale transition-opacity';

/**
 * The table itself: a real `<table>` in its own horizontal scroller. A cloud-native backup set can show its
 * nodes in a row below it.
 */
export function DataTable({
  table,
  caption,
  loading,
}: {
  table: BackupsTable;
  caption: string;
  loading: boolean;
}) {
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;
  const meta = table.options.meta;

  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
      <table className="w-full min-w-max border-collapse text-left text-sm" aria-busy={loading || undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-200">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-slate-200 dark:border-slate-700">
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    className={cn(
                      cellClass,
                      'font-medium whitespace-nowrap',
                      header.column.columnDef.meta?.className,
                    )}
                  >
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className={cn(loading && UPDATING_ROWS)}>
          {rows.map((row) => (
            <Fragment key={row.id}>
              <BodyRow table={table} row={row} />
              {row.original.set && meta?.expandedSets.has(row.original.backupId) && (
                <SetNodeRows backup={row.original} meta={meta} columnCount={columnCount} />
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BodyRow({ table, row }: { table: BackupsTable; row: BackupRow }) {
  return (
    <tr className="border-b border-slate-100 last:border-0 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900/70">
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} className={cn(cellClass, cell.column.columnDef.meta?.className)}>
          <table.FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  );
}

export function DataTableSkeleton({ rows = 8, columns = 9 }: { rows?: number; columns?: number }) {
  const t = useTranslations('backups.status');
  return (
    <div
      className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700"
      aria-busy="true"
    >
      <p className="sr-only">{t('loading')}</p>
      <div className="border-b border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-900">
        <Skeleton className="h-4 w-2/3" />
      </div>
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="flex gap-4 border-b border-slate-100 p-3 last:border-0 dark:border-slate-800">
          {Array.from({ length: columns }, (_, c) => (
            <Skeleton key={c} className="h-4 flex-1" />
          ))}
        </div>
      ))}
    </div>
  );
}
