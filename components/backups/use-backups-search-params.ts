'use client';

import { parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { backupsSearchParsers } from './backups-search-params';

const parsers = backupsSearchParsers({ parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral });

// Filter, sort, page and search changes push a history entry (Back undoes them); a search still being
// typed replaces.

export function useBackupsSearchParams() {
  return useQueryStates(parsers, { history: 'push' });
}

export type SetBackupsSearchState = ReturnType<typeof useBackupsSearchParams>[1];
