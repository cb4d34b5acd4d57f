import {
  createLoader,
  parseAsArrayOf,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from 'nuqs/server';
import { DEFAULT_SORT, PAGE_SIZES, type BackupsSearchParams } from '@/lib/backups/query-rules';
import type { FacetName } from '@/lib/backups/facets';

// The page's whole view, in the URL under the API's own names. The server page and the browser read it
// with these same parsers (nuqs/server works on both sides), so the first render and the client build the
// same API request, and the server's prefetch lands under the key the client asks for.
// Values are parsed loosely here and checked with the API's own schema (lib/ui/link-check), so a bad
// link is explained rather than silently changed.

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
  pageSize: parseAsInteger.withDefault(PAGE_SIZES[0]),
  group: parseAsStringLiteral(['job'] as const),
  /** The backup whose details panel is open: a link to it opens it. */
  backup: parseAsString,
};

/** The server page's reader of the same URL. */
export const loadBackupsSearchParams = createLoader(backupsSearchParsers);

export type BackupsSearchState = inferParserType<typeof backupsSearchParsers>;

export const FACET_NAMES: readonly FacetName[] = ['status', 'type', 'mode', 'method', 'node'];

/** The API request for a view; `backup` (the open details panel) is the page's own and is not sent. */
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
    group: state.group ?? undefined,
  };
}

export function hasFilters(state: BackupsSearchState): boolean {
  return FACET_NAMES.some((name) => state[name].length > 0) || state.q !== '';
}

/** What Reset clears: filters, search and sort, keeping the range, page size and grouping. */
export const RESET_VIEW = {
  status: null,
  type: null,
  mode: null,
  method: null,
  node: null,
  q: null,
  sort: null,
  page: null,
} as const;

export function canReset(state: BackupsSearchState): boolean {
  return hasFilters(state) || state.sort !== DEFAULT_SORT;
}
