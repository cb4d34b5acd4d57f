import { createLoader, parseAsArrayOf, parseAsString, type inferParserType } from 'nuqs/server';

// The fleet page's view in the URL: states and regions filtered (comma lists), the search and the sort
// (`<column>.<asc|desc>`). Read the same way on the server and in the browser.

const list = parseAsArrayOf(parseAsString, ',').withDefault([]);

export const DEFAULT_FLEET_SORT = 'state.asc';

export const fleetSearchParsers = {
  state: list,
  region: list,
  q: parseAsString.withDefault(''),
  sort: parseAsString.withDefault(DEFAULT_FLEET_SORT),
};

export const loadFleetSearchParams = createLoader(fleetSearchParsers);
export type FleetSearchState = inferParserType<typeof fleetSearchParsers>;
