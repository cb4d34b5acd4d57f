import type {
  inferParserType,
  parseAsArrayOf,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
} from 'nuqs/server';
import { FACET_NAMES } from '@/lib/backups/facets';
import { DEFAULT_SORT, PAGE_SIZES, type BackupsSearchParams } from '@/lib/backups/query-rules';

// The page's whole view, in the URL under the API's own names. The server page and the browser read it
// with the same parsers, so the first render and the client build the same API request, and the server's
// prefetch lands under the key the client asks for. The parsers are made from nuqs' own builders: the
// browser's from `nuqs`, the server's from `nuqs/server` (use-backups-search-params.ts and
// load-backups-search-params.ts), so the browser never loads nuqs' server half.
// Values are parsed loosely here and checked with the API's own schema (lib/ui/link-check), so a bad
// link is explained rather than silently changed.

/** The builders the parsers are made of: nuqs' or nuqs/server's, which are the same functions. */
export interface ParserBuilders {
  parseAsArrayOf: typeof parseAsArrayOf;
  parseAsInteger: typeof parseAsInteger;
  parseAsString: typeof parseAsString;
  parseAsStringLiteral: typeof parseAsStringLiteral;
}

export function backupsSearchParsers(p: ParserBuilders) {
  const list = p.parseAsArrayOf(p.parseAsString, ',').withDefault([]);
  return {
    start: p.parseAsString,
    end: p.parseAsString,
    status: list,
    type: list,
    mode: list,
    method: list,
    node: list,
    q: p.parseAsString.withDefault(''),
    sort: p.parseAsString.withDefault(DEFAULT_SORT),
    page: p.parseAsInteger.withDefault(1),
    pageSize: p.parseAsInteger.withDefault(PAGE_SIZES[0]),
    group: p.parseAsStringLiteral(['job'] as const),
    /** The backup whose details panel is open: a link to it opens it. */
    backup: p.parseAsString,
  };
}

export type BackupsSearchState = inferParserType<ReturnType<typeof backupsSearchParsers>>;

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
