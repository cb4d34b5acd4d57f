'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { fetchJson } from '@/lib/api/client/fetch-json';
import type { IndexFreshness } from '@/lib/backups/answer';
import { refreshPath } from './backups-links';
import type { DateRange } from './date-range';
import { lastErrorText, refreshOutcome } from './freshness';
import { useNotify } from '@/components/ui/notifier';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { instanceBackupsKey } from './backups-query-key';

/** A refresh still running when the server answered: the page asks again this often, for at most FOLLOW_MS. */
const FOLLOW_POLL_MS = 2_000;
const FOLLOW_MS = 2 * 60_000;

interface Known {
  asOf: string | null;
  lastErrorAt: string | null;
}

const knownOf = (f: IndexFreshness | undefined): Known => ({
  asOf: f?.asOf ?? null,
  lastErrorAt: f?.lastError?.at ?? null,
});

/**
 * Refresh: the server re-reads the shown range from Alibaba Cloud now, then every cached view of the
 * instance is asked for again. When Alibaba Cloud has not answered by the server's deadline the refresh
 * goes on there, and the page asks the console again every 2 s while it says the range is being read (at
 * most two minutes), then says how it ended. `isPending` until then, so the button says so meanwhile.
 */
export function useRefreshBackups(
  instanceId: string,
  range: DateRange | null,
  freshness: IndexFreshness | undefined,
) {
  const t = useTranslations('backups.freshness');
  const queryClient = useQueryClient();
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  /** What the page knew before the refresh, and the answer it was showing then (later ones are judged). */
  const [following, setFollowing] = useState<
    (Known & { until: number; seen: IndexFreshness | undefined }) | null
  >(null);
  const [failed, setFailed] = useState<NonNullable<IndexFreshness['lastError']> | null>(null);
  const known = knownOf(freshness);

  const mutation = useMutation({
    mutationFn: () => {
      // The Refresh button is disabled without a valid range.
      if (!range) throw new Error('no range');
      return fetchJson<IndexFreshness>(refreshPath(instanceId, range), { method: 'POST' });
    },
    onSuccess: (answer) => {
      // A stale answer shows its banner; otherwise a refresh that did not get through would go unseen.
      const outcome = answer.stale ? 'done' : refreshOutcome(answer, known);
      if (outcome === 'failed')
        notify(t('refreshFailed', { error: lastErrorText(answer.lastError!, t) }), 'error');
      if (outcome === 'pending') {
        notify(t('refreshPending'));
        if (answer.refreshing) setFollowing({ ...known, until: Date.now() + FOLLOW_MS, seen: freshness });
      }
      return queryClient.invalidateQueries({ queryKey: instanceBackupsKey(instanceId) });
    },
    // A 429 carries the server's own words ("try again in 40 seconds").
    onError: (err) => notify(errorMessage(err), 'error'),
  });

  // Following: a newer answer that says the range is no longer being read ends it, failed if it brought a
  // new error (said as when the refresh fails before the server answers: a fresh range shows no banner).
  if (following && freshness && freshness !== following.seen && !freshness.refreshing) {
    setFollowing(null);
    if (refreshOutcome(freshness, following) === 'failed') setFailed(freshness.lastError);
  }
  useEffect(() => {
    if (failed) notify(t('refreshFailed', { error: lastErrorText(failed, t) }), 'error');
  }, [failed, notify, t]);
  // On a clock, not on each answer: an answer equal to the one before keeps its identity (React Query shares
  // structure), so nothing would change to set the next timer.
  useEffect(() => {
    if (!following) return;
    const timer = setInterval(() => {
      if (Date.now() >= following.until) setFollowing(null);
      else void queryClient.invalidateQueries({ queryKey: instanceBackupsKey(instanceId) });
    }, FOLLOW_POLL_MS);
    return () => clearInterval(timer);
  }, [following, queryClient, instanceId]);

  return { mutate: mutation.mutate, isPending: mutation.isPending || following !== null };
}
