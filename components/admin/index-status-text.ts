import type { BudgetSnapshot } from '@/lib/aliyun/budget';
import type { Formatter } from '@/lib/format/formatter';
import type { Translate } from '@/lib/i18n/translate';

// The admin's view of the index, in words: how much of the upstream budget is used, and what is covered.
// `t` is the `admin.index` namespace's translator; times are in the formatter's zone.

/** "12 calls in the last minute · budget 20/s", then whatever is unusual: throttling, a pause, a queue. */
export function budgetText(b: BudgetSnapshot, t: Translate, f: Formatter): string {
  const parts = [
    t('budget.calls', { count: b.callsLastMinute }),
    t('budget.limit', { qps: b.maxQps }),
    t('budget.inFlight', { count: b.inFlight }),
  ];
  if (b.queued > 0) parts.push(t('budget.queued', { count: b.queued }));
  if (b.throttledLastMinute > 0) parts.push(t('budget.throttled', { count: b.throttledLastMinute }));
  if (b.currentQps < b.maxQps) parts.push(t('budget.slowed', { qps: Math.round(b.currentQps * 10) / 10 }));
  if (b.pausedUntil) parts.push(t('budget.paused', { time: f.dateTime(b.pausedUntil, true) }));
  return parts.join(' · ');
}

/** "2026-10-02 08:00 – 2026-11-01 08:00 UTC". */
export function intervalText({ start, end }: { start: string; end: string }, f: Formatter): string {
  return `${f.dateTime(start)} – ${f.dateTime(end)} ${f.zoneShort(Date.parse(end))}`;
}

/** "2,400 of 5,400", or the count alone until the first page says how many there are. */
export function syncProgressText(
  { fetched, total }: { fetched: number; total: number | null },
  t: Translate,
): string {
  return total === null ? t('progress.soFar', { fetched }) : t('progress.of', { fetched, total });
}
