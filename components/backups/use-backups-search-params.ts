'use client';

import {
  parseAsArrayOf,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  useQueryStates,
} from 'nuqs';
import { DEFAULT_SORT, PAGE_SIZES, type BackupsSearchParams } from '@/lib/backups/query';
import type { FacetName } from '@/lib/backups/view';

// The page's whole view, in the URL under the API's own names. Filter, sort and page changes push a
// history entry (Back undoes them); the search box and the default range replace.

const list = parseAsArrayOf(parseAsString, ',').withDefault([]);

export const backupsSearchParsers = {
  start: parseAsString,
  end: parseAsString,
  status: list,
  type: list,
  mode: list,
  method: list,
  node: list,
  q: parseAsString.withDefault(''),
  sort: parseAsString.withDefault(DEFAULT_SORT),
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsNumberLiteral(PAGE_SIZES).withDefault(30),
  group: parseAsStringLiteral(['job'] as const),
};

export function useBackupsSearchParams() {
  return useQueryStates(backupsSearchParsers, { history: 'push' });
}

export type BackupsSearchState = ReturnType<typeof useBackupsSearchParams>[0];
export type SetBackupsSearchState = ReturnType<typeof useBackupsSearchParams>[1];

export const FACET_NAMES: readonly FacetName[] = ['status', 'type', 'mode', 'method', 'node'];

/** The API request for a view; `group` is the page's own and is not sent. */
export function toApiParams(state: BackupsSearchState): BackupsSearchParams {
  return {
    start: state.start ?? undefined,
    end: state.end ?? undefined,
    status: state.status.join(','),
    type: state.type.join(','),
    mode: state.mode.join(','),
    method: state.method.join(','),
    node: state.node.join(','),
    q: state.q,
    sort: state.sort,
    page: String(state.page),
    pageSize: String(state.pageSize),
  };
}

export function hasFilters(state: BackupsSearchState): boolean {
  return FACET_NAMES.some((name) => state[name].length > 0) || state.q !== '';
}
