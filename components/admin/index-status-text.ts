import type { BudgetSnapshot } from '@/lib/aliyun/budget';
import { formatCount } from '@/lib/ui/format';
import { formatDateTime, formatZonedDateTime } from '@/lib/ui/time-zone';

// The admin's view of the index, in words: how much of the upstream budget is used, and what is covered.

/** "12 calls in the last minute · budget 20/s", then whatever is unusual: throttling, a pause, a queue. */
export function budgetText(b: BudgetSnapshot): string {
  const parts = [
    `${formatCount(b.callsLastMinute)} ${b.callsLastMinute === 1 ? 'call' : 'calls'} in the last minute`,
    `budget ${b.maxQps}/s`,
    `${b.inFlight} in flight`,
  ];
  if (b.queued > 0) parts.push(`${formatCount(b.queued)} queued`);
  if (b.throttledLastMinute > 0) parts.push(`${b.throttledLastMinute} throttled in the last minute`);
  if (b.currentQps < b.maxQps) parts.push(`slowed to ${formatRate(b.currentQps)}/s`);
  if (b.pausedUntil) parts.push(`paused until ${formatZonedDateTime(b.pausedUntil, 'utc', true)}`);
  return parts.join(' · ');
}

function formatRate(qps: number): string {
  return Number.isInteger(qps) ? String(qps) : qps.toFixed(1);
}

/** "2026-10-02 08:00 – 2026-11-01 08:00 UTC". */
export function intervalText({ start, end }: { start: string; end: string }): string {
  return `${formatDateTime(start, 'utc')} – ${formatZonedDateTime(end, 'utc')}`;
}

/** "2,400 of 5,400", or the count alone until the first page says how many there are. */
export function syncProgressText({ fetched, total }: { fetched: number; total: number | null }): string {
  return total === null
    ? `${formatCount(fetched)} so far`
    : `${formatCount(fetched)} of ${formatCount(total)}`;
}
