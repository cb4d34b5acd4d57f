import { parseAsArrayOf, parseAsString, type inferParserType } from 'nuqs';

// The fleet page's view in the URL: states and regions filtered (comma lists), the search and the sort
// (`<column>.<asc|desc>`). Read in the browser only (the server prefetches the whole fleet).

const list = parseAsArrayOf(parseAsString, ',').withDefault([]);

export const DEFAULT_FLEET_SORT = 'state.asc';

export const fleetSearchParsers = {
  state: list,
  region: list,
  q: parseAsString.withDefault(''),
  sort: parseAsString.withDefault(DEFAULT_FLEET_SORT),
};

export type FleetSearchState = inferParserType<typeof fleetSearchParsers>;
