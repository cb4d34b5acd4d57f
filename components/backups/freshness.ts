import type { IndexFreshness } from '@/lib/backups/answer';
import type { Formatter } from '@/lib/format/formatter';
import type { Translate } from '@/lib/i18n/translate';

// What the page says about how current its rows are: the first sync's progress, and why they may be old.
// `t` is the `backups.freshness` namespace's translator.

/** "Indexing 3,000 of 5,400 backups", or a count alone until the first page says how many there are. */
export function indexingText(
  { fetched, total }: NonNullable<IndexFreshness['syncing']>,
  t: Translate,
): string {
  if (total === null) return fetched > 0 ? t('indexingSoFar', { fetched }) : t('indexing');
  return t('indexingOf', { fetched: Math.min(fetched, total), total });
}

/** The stale banner's sentence: since when the rows are known, and (separately) the last error. */
export function staleText(asOf: string | null, t: Translate, f: Formatter, now: number): string {
  return asOf
    ? t('staleAsOf', { time: `${f.dateTime(asOf)} ${f.zoneShort(Date.parse(asOf))}`, age: f.age(asOf, now) })
    : t('staleNever');
}

/** The index keeps the server's own sentence about the failure; the request id is for a support ticket. */
export function lastErrorText(error: NonNullable<IndexFreshness['lastError']>, t: Translate): string {
  return error.requestId
    ? t('lastErrorWithId', { message: error.message, requestId: error.requestId })
    : t('lastError', { message: error.message });
}

export type RefreshOutcome = 'done' | 'failed' | 'pending';

/**
 * What a refresh achieved, judged against the last error the page knew before (server times only, so the
 * browser's clock does not matter): a new error means it failed, even if the rows are not stale yet; a
 * refresh still reading the range (Alibaba Cloud had not answered by the server's deadline) is pending.
 * Not by the as-of time: a background update may move it while the refresh is still going on.
 */
export function refreshOutcome(
  answer: Pick<IndexFreshness, 'lastError' | 'refreshing'>,
  lastErrorAt: string | null,
): RefreshOutcome {
  if (answer.lastError !== null && answer.lastError.at !== lastErrorAt) return 'failed';
  return answer.refreshing ? 'pending' : 'done';
}
