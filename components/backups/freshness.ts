import type { IndexFreshness } from '@/lib/backups/answer';
import { formatCount, formatSince } from '@/lib/ui/format';
import { formatZonedDateTime, type TimeZoneMode } from '@/lib/ui/time-zone';

// What the page says about how current its rows are: the first sync's progress, and why they may be old.

/** "Indexing 3,000 of 5,400 backups", or a count alone until the first page says how many there are. */
export function indexingText({ fetched, total }: NonNullable<IndexFreshness['syncing']>): string {
  if (total === null)
    return fetched > 0 ? `Indexing backups: ${formatCount(fetched)} so far` : 'Indexing backups…';
  return `Indexing ${formatCount(Math.min(fetched, total))} of ${formatCount(total)} backups`;
}

/** The stale banner's sentence: since when the rows are known, and (separately) the last error. */
export function staleText(asOf: string | null, timeZone: TimeZoneMode, now: number): string {
  return asOf
    ? `Alibaba Cloud is not answering: showing backups as of ${formatZonedDateTime(asOf, timeZone)} (${formatSince(asOf, now)}).`
    : 'Alibaba Cloud is not answering: showing the backups indexed so far.';
}

export function lastErrorText(error: NonNullable<IndexFreshness['lastError']>): string {
  return `Last error: ${error.message}${error.requestId ? ` (request id ${error.requestId})` : ''}`;
}

export type RefreshOutcome = 'done' | 'failed' | 'pending';

/**
 * What a refresh achieved, judged against what the page knew before (server times only, so the browser's
 * clock does not matter): a new error means it failed, even if the rows are not stale yet; a range not read
 * again means Alibaba Cloud did not answer within the server's deadline.
 */
export function refreshOutcome(
  answer: IndexFreshness,
  before: Pick<IndexFreshness, 'asOf'> & { lastErrorAt: string | null },
): RefreshOutcome {
  if (answer.lastError !== null && answer.lastError.at !== before.lastErrorAt) return 'failed';
  return answer.asOf !== null && answer.asOf === before.asOf ? 'pending' : 'done';
}
