'use client';

import {
  functionalUpdate,
  useTable,
  type ColumnFiltersState,
  type ColumnVisibilityState,
  type PaginationState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import type { Backup } from '@/lib/aliyun/types';
import { useLocalStorage } from '@/components/ui/use-local-storage';
import { backupColumns } from './columns';
import { backupsTableFeatures, type BackupsTableMeta } from './data-table-features';
import { FACET_NAMES } from '@/lib/backups/facets';
import type { BackupsSearchState } from './backups-search-params';
import type { SetBackupsSearchState } from './use-backups-search-params';

const EMPTY: Backup[] = [];
const NONE: readonly string[] = [];
const VISIBILITY_KEY = 'kvstore-backups.columns';

function parseVisibility(stored: string | null): ColumnVisibilityState {
  try {
    const value: unknown = JSON.parse(stored ?? '{}');
    return value && typeof value === 'object' ? (value as ColumnVisibilityState) : {};
  } catch {
    return {};
  }
}

/**
 * The v9 table over one server page; every server-owned slice (sort, filters, page) is the URL's, and
 * the shown columns are remembered in this browser.
 */
export function useBackupsTable({
  rows,
  total,
  state,
  setState,
  meta,
  hiddenByDefault = NONE,
}: {
  rows: Backup[] | undefined;
  total: number;
  state: BackupsSearchState;
  setState: SetBackupsSearchState;
  meta: BackupsTableMeta;
  /** Columns that say nothing new on this instance: hidden unless this browser chose to show them. */
  hiddenByDefault?: readonly string[];
}) {
  const [storedVisibility, storeVisibility] = useLocalStorage(VISIBILITY_KEY);
  const columnVisibility = useMemo<ColumnVisibilityState>(
    () => ({
      ...Object.fromEntries(hiddenByDefault.map((id) => [id, false])),
      ...parseVisibility(storedVisibility),
    }),
    [storedVisibility, hiddenByDefault],
  );

  const sorting = useMemo<SortingState>(() => {
    const [id, dir] = state.sort.split('.');
    return id ? [{ id, desc: dir !== 'asc' }] : [];
  }, [state.sort]);

  const { status, type, mode, method, node } = state;
  const columnFilters = useMemo<ColumnFiltersState>(
    () =>
      Object.entries({ status, type, mode, method, node })
        .filter(([, value]) => value.length > 0)
        .map(([id, value]) => ({ id, value })),
    [status, type, mode, method, node],
  );

  const pagination = useMemo<PaginationState>(
    () => ({ pageIndex: state.page - 1, pageSize: state.pageSize }),
    [state.page, state.pageSize],
  );

  return useTable({
    features: backupsTableFeatures,
    columns: backupColumns,
    data: rows ?? EMPTY,
    rowCount: total,
    getRowId: (b) => b.backupId,
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    // Columns without their own `sortDescFirst` sort ascending first.
    sortDescFirst: false,
    state: { sorting, columnFilters, pagination, columnVisibility },
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) =>
      storeVisibility(JSON.stringify(functionalUpdate(updater, columnVisibility))),
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next) void setState({ sort: `${next.id}.${next.desc ? 'desc' : 'asc'}`, page: null });
    },
    onColumnFiltersChange: (updater: Updater<ColumnFiltersState>) => {
      const next = functionalUpdate(updater, columnFilters);
      const value = (id: string) => (next.find((f) => f.id === id)?.value as string[] | undefined) ?? null;
      void setState({ ...Object.fromEntries(FACET_NAMES.map((name) => [name, value(name)])), page: null });
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = functionalUpdate(updater, pagination);
      if (next.pageSize !== pagination.pageSize) void setState({ pageSize: next.pageSize, page: null });
      else void setState({ page: next.pageIndex + 1 });
    },
    meta,
  });
}
