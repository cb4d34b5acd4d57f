'use client';

import type { ReactTable } from '@tanstack/react-table';
import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { Backup } from '@/lib/aliyun/types';
import { PAGE_SIZES } from '@/lib/backups/query-rules';
import { pageCount, pageRows } from './pagination';
import { Button } from '@/components/ui/button';
import type { BackupsTableFeatures } from './data-table-features';

/** The count and the page controls. The count is announced once, by the page's status line, not here. */
export function DataTablePagination({
  table,
  summary,
}: {
  table: ReactTable<BackupsTableFeatures, Backup>;
  /** In place of "1–30 of 504 backups", when the rows are something else (jobs). */
  summary?: string;
}) {
  const { pageIndex, pageSize } = table.state.pagination;
  const total = table.getRowCount();
  const pages = pageCount(total, pageSize);
  const { first, last } = pageRows(pageIndex + 1, pageSize, total);
  const t = useTranslations('backups.pagination');

  return (
    <nav aria-label={t('label')} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-700 dark:text-slate-300">
        {summary ??
          (total === 0
            ? t('none')
            : first === last
              ? t('one', { first, total })
              : t('rows', { first, last, total }))}
      </p>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <label className="flex items-center gap-2">
          <span>{t('pageSize')}</span>
          <select
            aria-label={t('pageSize')}
            className="h-8 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-900"
            value={pageSize}
            onChange={(e) => table.setPageSize(Number(e.target.value))}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <span className="tabular-nums">{t('page', { page: Math.min(pageIndex + 1, pages), pages })}</span>
        <div className="flex items-center gap-1">
          <Button
            size="icon"
            aria-label={t('first')}
            disabled={!table.getCanPreviousPage()}
            onClick={() => table.firstPage()}
          >
            <ChevronsLeft aria-hidden className="h-4 w-4" />
          </Button>
          <Button
            size="icon"
            aria-label={t('previous')}
            disabled={!table.getCanPreviousPage()}
            onClick={() => table.previousPage()}
          >
            <ChevronLeft aria-hidden className="h-4 w-4" />
          </Button>
          <Button
            size="icon"
            aria-label={t('next')}
            disabled={!table.getCanNextPage()}
            onClick={() => table.nextPage()}
          >
            <ChevronRight aria-hidden className="h-4 w-4" />
          </Button>
          <Button
            size="icon"
            aria-label={t('last')}
            disabled={!table.getCanNextPage()}
            onClick={() => table.lastPage()}
          >
            <ChevronsRight aria-hidden className="h-4 w-4" />
          </Button>
        </div>
      </div>
    </nav>
  );
}
