'use client';

import type { ReactTable } from '@tanstack/react-table';
import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from 'lucide-react';
import type { Backup } from '@/lib/aliyun/types';
import { PAGE_SIZES } from '@/lib/backups/query';
import { pageCount, pageSummary } from './pagination';
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

  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-700 dark:text-slate-300">
        {summary ?? pageSummary(pageIndex + 1, pageSize, total)}
      </p>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <label className="flex items-center gap-2">
          <span>Rows per page</span>
          <select
            aria-label="Rows per page"
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
        <span className="tabular-nums">
          Page {Math.min(pageIndex + 1, pages).toLocaleString('en-US')} of {pages.toLocaleString('en-US')}
        </span>
        <div className="flex items-center gap-1">
          <Button
            size="icon"
            aria-label="First page"
            disabled={!table.getCanPreviousPage()}
            onClick={() => table.firstPage()}
          >
            <ChevronsLeft aria-hidden className="h-4 w-4" />
          </Button>
          <Button
            size="icon"
            aria-label="Previous page"
            disabled={!table.getCanPreviousPage()}
            onClick={() => table.previousPage()}
          >
            <ChevronLeft aria-hidden className="h-4 w-4" />
          </Button>
          <Button
            size="icon"
            aria-label="Next page"
            disabled={!table.getCanNextPage()}
            onClick={() => table.nextPage()}
          >
            <ChevronRight aria-hidden className="h-4 w-4" />
          </Button>
          <Button
            size="icon"
            aria-label="Last page"
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
