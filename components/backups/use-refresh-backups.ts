'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
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
  const queryClient = useQueryClient();
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  return useMutation({
    mutationFn: () => {
      if (!range) throw new Error('Choose a valid range first.');
      return fetchJson<IndexFreshness>(refreshPath(instanceId, range), { method: 'POST' });
    },
    onSuccess: (answer) => {
      // A stale answer shows its banner; otherwise a refresh that did not get through would go unseen.
      const outcome = answer.stale ? 'done' : refreshOutcome(answer, known);
      if (outcome === 'failed')
        notify(`Could not refresh from Alibaba Cloud. ${lastErrorText(answer.lastError!)}`, 'error');
      if (outcome === 'pending')
        notify('Alibaba Cloud has not answered yet; the table shows what was known before.');
      return queryClient.invalidateQueries({ queryKey: instanceBackupsKey(instanceId) });
    },
    // A 429 carries the server's own words ("try again in 40 seconds").
    onError: (err) => notify(errorMessage(err), 'error'),
  });
}
