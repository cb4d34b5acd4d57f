'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { fetchJson } from '@/lib/api/client/fetch-json';
import type { IndexFreshness } from '@/lib/backups/answer';
import { refreshPath } from './backups-links';
import type { DateRange } from './date-range';
import { lastErrorText, refreshOutcome } from './freshness';
import { useNotify } from '@/components/ui/notifier';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { instanceBackupsKey } from './backups-query-key';

/**
 * Refresh: the server re-reads the shown range from Alibaba Cloud now, then every cached view of the
 * instance is asked for again. Pending until the table has the new rows, so the button says so meanwhile.
 */
export function useRefreshBackups(
  instanceId: string,
  range: DateRange | null,
  known: { asOf: string | null; lastErrorAt: string | null },
) {
  const t = useTranslations('backups.freshness');
  const queryClient = useQueryClient();
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  return useMutation({
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
      if (outcome === 'pending') notify(t('refreshPending'));
      return queryClient.invalidateQueries({ queryKey: instanceBackupsKey(instanceId) });
    },
    // A 429 carries the server's own words ("try again in 40 seconds").
    onError: (err) => notify(errorMessage(err), 'error'),
  });
}
