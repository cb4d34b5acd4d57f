'use client';

import { useCallback, useEffect, useMemo } from 'react';
import { checkRange, type DateRange, type RangeProblem } from './date-range';
import { invalidValues } from './link-check';
import { pageCount } from './pagination';
import { useNow } from '@/components/ui/use-now';
import { isNotFound } from '@/lib/api/client/error-message';
import type { SearchCommit } from './search-box';
import { RESET_VIEW, toApiParams } from './backups-search-params';
import { useBackupsQuery } from './use-backups-query';
import { useBackupsSearchParams } from './use-backups-search-params';

/**
 * The page's view: the URL's state, checked so that nothing the API would refuse is sent, the page of
 * backups for it, and the ways to change it.
 */
export function useBackupsView(instanceId: string) {
  const [state, setState] = useBackupsSearchParams();
  const now = useNow();

  const apiParams = useMemo(() => toApiParams(state), [state]);
  const invalid = useMemo(() => invalidValues(apiParams), [apiParams]);
  // A link with no range at all never gets here: the server page redirects it to the default range.
  const check = checkRange(state.start, state.end, now);
  const range: DateRange | null = check.ok && invalid.length === 0 ? check.range : null;
  const backups = useBackupsQuery(instanceId, apiParams, range !== null);

  // A page past the end (an old link, a shorter result) becomes the last page, in place; not while the
  // first sync is still counting the rows.
  const current = backups.isPlaceholderData ? undefined : backups.data;
  const lastPage =
    current && current.total > 0 && !current.syncing ? pageCount(current.total, state.pageSize) : null;
  useEffect(() => {
    if (lastPage !== null && state.page > lastPage)
      void setState({ page: lastPage === 1 ? null : lastPage }, { history: 'replace' });
  }, [lastPage, state.page, setState]);

  const setRange = useCallback((next: DateRange) => void setState({ ...next, page: null }), [setState]);
  const search = useCallback<SearchCommit>(
    (q, history) => void setState({ q: q || null, page: null }, { history }),
    [setState],
  );

  const rangeProblem: RangeProblem | null = check.ok ? null : check;
  return {
    state,
    setState,
    now,
    /** Null until the range is valid and every other value too. */
    range,
    rangeProblem,
    invalid,
    /** The link is explained instead of loaded. */
    blocked: rangeProblem !== null || invalid.length > 0,
    notFound: backups.isError && isNotFound(backups.error),
    /** The view the API answers for, or null while the link is not valid. */
    apiParams: range ? apiParams : null,
    backups,
    setRange,
    search,
    reset: () => void setState(RESET_VIEW),
    removeInvalid: () =>
      void setState({ ...Object.fromEntries(invalid.map((v) => [v.field, null])), page: null }),
  };
}
