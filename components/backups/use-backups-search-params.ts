'use client';

import { useQueryStates } from 'nuqs';
import { backupsSearchParsers } from './backups-search-params';

// Filter, sort, page and search changes push a history entry (Back undoes them); a search still being
// typed replaces.

export function useBackupsSearchParams() {
  return useQueryStates(backupsSearchParsers, { history: 'push' });
}

export type SetBackupsSearchState = ReturnType<typeof useBackupsSearchParams>[1];
