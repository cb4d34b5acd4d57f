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
 * goes on there, and the page asks the console again every 2 s until the refresh ends or fails, or two
 * minutes pass. `isPending` until then, so the button says so meanwhile.
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
  const [following, setFollowing] = useState<(Known & { until: number }) | null>(null);
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
        setFollowing({ ...known, until: Date.now() + FOLLOW_MS });
      }
      return queryClient.invalidateQueries({ queryKey: instanceBackupsKey(instanceId) });
    },
    // A 429 carries the server's own words ("try again in 40 seconds").
    onError: (err) => notify(errorMessage(err), 'error'),
  });

  // Following: each new answer is judged against what the page knew before the refresh. Once it is read
  // again (or has failed, which the stale banner then says) the page stops asking.
  const outcome = following && freshness ? refreshOutcome(freshness, following) : null;
  const [failed, setFailed] = useState<NonNullable<IndexFreshness['lastError']> | null>(null);
  if (following && outcome !== null && outcome !== 'pending') {
    setFollowing(null);
    if (outcome === 'failed') setFailed(freshness!.lastError);
  }
  // Said as when the refresh fails before the server answers: a range still fresh shows no stale banner.
  useEffect(() => {
    if (failed) notify(t('refreshFailed', { error: lastErrorText(failed, t) }), 'error');
  }, [failed, notify, t]);
  useEffect(() => {
    if (!following) return;
    const timer = setTimeout(() => {
      if (Date.now() >= following.until) setFollowing(null);
      else void queryClient.invalidateQueries({ queryKey: instanceBackupsKey(instanceId) });
    }, FOLLOW_POLL_MS);
    return () => clearTimeout(timer);
  }, [following, freshness, queryClient, instanceId]);

  return { mutate: mutation.mutate, isPending: mutation.isPending || following !== null };
}
