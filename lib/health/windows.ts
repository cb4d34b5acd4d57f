import { DAY_MS, type PolicyVersion } from './types';

// Expected backup windows from a policy's versions: one per UTC day whose weekday the policy in force that day
// names, starting at its window start (a window may run past midnight into the next day).

/** A backup that starts this long after its window closed still counts for it (queued behind other work). */
export const WINDOW_GRACE_MS = 60 * 60_000;

export interface Window {
  start: number;
  end: number;
  policy: PolicyVersion;
}

/** The version in force at `t`: the newest that began by then, else the oldest known. */
export function policyAt(versions: readonly PolicyVersion[], t: number): PolicyVersion | undefined {
  let found = versions[0];
  for (const v of versions) if (v.from <= t) found = v;
  return found;
}

export function usable(p: PolicyVersion | undefined): p is PolicyVersion & {
  windowStartMinute: number;
  windowMinutes: number;
} {
  return p !== undefined && p.windowStartMinute !== null && p.windowMinutes !== null && p.weekdays.length > 0;
}

/** Every expected window that starts in [from, to). */
export function expectedWindows(versions: readonly PolicyVersion[], from: number, to: number): Window[] {
  const out: Window[] = [];
  for (let day = Math.floor(from / DAY_MS); day * DAY_MS < to; day++) {
    const dayStart = day * DAY_MS;
    const policy = policyAt(versions, dayStart);
    if (!usable(policy) || !policy.weekdays.includes(new Date(dayStart).getUTCDay())) continue;
    const start = dayStart + policy.windowStartMinute * 60_000;
    if (start < from || start >= to) continue;
    out.push({ start, end: start + policy.windowMinutes * 60_000, policy });
  }
  return out;
}

/** The longest gap between two consecutive expected windows of a policy: 1 day for daily, 3 for Mon/Wed/Fri. */
export function periodOf(policy: PolicyVersion | undefined): number | null {
  if (!usable(policy)) return null;
  const days = [...policy.weekdays].sort((a, b) => a - b);
  let longest = 0;
  days.forEach((d, i) => {
    const next = i + 1 < days.length ? days[i + 1]! : days[0]! + 7;
    longest = Math.max(longest, next - d);
  });
  return longest * DAY_MS;
}

/** When the next backup is expected: upstream's own answer when it is still ahead, else the next window. */
export function nextExpected(versions: readonly PolicyVersion[], now: number): number | null {
  const current = versions.at(-1);
  const told = current?.nextBackupTime ? Date.parse(current.nextBackupTime) : NaN;
  if (told > now) return told;
  const next = expectedWindows(versions.length ? [current!] : [], now, now + 8 * DAY_MS)[0];
  return next?.start ?? null;
}
