import { DAY_MS, type Attempt, type SizeTrend } from './types';

const MIN_SAMPLES = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The newest successful backup's size against the median of the successful ones in the 7 days before it: a
 * drop of more than half, or a doubling, is worth a look (data lost, or a runaway key). Null with fewer than
 * three earlier samples.
 */
export function sizeTrend(attempts: readonly Attempt[]): SizeTrend | null {
  const ok = attempts.filter((a) => a.ok).sort((a, b) => a.startMs - b.startMs);
  const latest = ok.at(-1);
  if (!latest) return null;
  const before = ok
    .filter((a) => a !== latest && a.startMs >= latest.startMs - 7 * DAY_MS)
    .map((a) => a.bytes);
  if (before.length < MIN_SAMPLES) return null;
  const med = median(before);
  const change = latest.bytes * 2 < med ? 'drop' : latest.bytes >= 2 * med ? 'growth' : null;
  return { latestBytes: latest.bytes, medianBytes: med, change };
}
