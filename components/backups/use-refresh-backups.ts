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
  const [following, setFollowing] = useState<{
    lastErrorAt: string | null;
    until: number;
    seen: IndexFreshness | undefined;
  } | null>(null);
  const [failed, setFailed] = useState<NonNullable<IndexFreshness['lastError']> | null>(null);
  const lastErrorAt = freshness?.lastError?.at ?? null;

  const mutation = useMutation({
    mutationFn: () => {
      // The Refresh button is disabled without a valid range.
      if (!range) throw new Error('no range');
      return fetchJson<IndexFreshness>(refreshPath(instanceId, range), { method: 'POST' });
    },
    onSuccess: (answer) => {
      const outcome = refreshOutcome(answer, lastErrorAt);
      // A stale answer shows its banner, error and all; otherwise a refresh that failed would go unseen.
      if (outcome === 'failed' && !answer.stale)
        notify(t('refreshFailed', { error: lastErrorText(answer.lastError!, t) }), 'error');
      if (outcome === 'pending') {
        notify(t('refreshPending'));
        setFollowing({ lastErrorAt, until: Date.now() + FOLLOW_MS, seen: freshness });
      }
      return queryClient.invalidateQueries({ queryKey: instanceBackupsKey(instanceId) });
    },
    // A 429 carries the server's own words ("try again in 40 seconds").
    onError: (err) => notify(errorMessage(err), 'error'),
  });

  // Following: a newer answer ends it once the range is no longer being read, or as soon as it brings a new
  // error (said as when the refresh fails before the server answers).
  if (following && freshness && freshness !== following.seen) {
    const outcome = refreshOutcome(freshness, following.lastErrorAt);
    if (outcome !== 'pending') {
      setFollowing(null);
      if (outcome === 'failed' && !freshness.stale) setFailed(freshness.lastError);
    }
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
      // A listing slower than the clock is not cancelled by the next tick, or none would ever answer.
      else
        void queryClient.invalidateQueries(
          { queryKey: instanceBackupsKey(instanceId) },
          { cancelRefetch: false },
        );
    }, FOLLOW_POLL_MS);
    return () => clearInterval(timer);
  }, [following, queryClient, instanceId]);

  return { mutate: mutation.mutate, isPending: mutation.isPending || following !== null };
}
