import type { IndexFreshness } from '@/lib/backups/answer';
import { formatCount, formatSince } from './format';
import { formatZonedDateTime, type TimeZoneMode } from './time-zone';

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

/** A refresh that came back with an error newer than the one the page knew failed, even if not yet stale. */
export function refreshFailed(answer: IndexFreshness, errorAtBefore: string | null): boolean {
  return answer.lastError !== null && answer.lastError.at !== errorAtBefore;
}
