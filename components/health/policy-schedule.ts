import type { PolicyVersion } from '@/lib/health/types';

// Pure: a policy's weekly schedule moved into the viewer's zone. A window at 23:00 UTC on Mondays is on Tuesday
// mornings in UTC+8, so the weekdays move with the hours.

export interface Schedule {
  /** Weekdays (0 = Sunday) in the viewer's zone, Monday first as a console lists them. */
  weekdays: number[];
  daily: boolean;
  /** `HH:mm` in the viewer's zone. */
  start: string;
  end: string;
}

const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];
const hhmm = (minutes: number) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** `offsetMinutes`: the viewer's zone minus UTC (+480 for UTC+8); null when the window is unreadable. */
export function scheduleIn(policy: Omit<PolicyVersion, 'from'>, offsetMinutes: number): Schedule | null {
  if (policy.windowStartMinute === null || policy.windowMinutes === null || policy.weekdays.length === 0)
    return null;
  const local = policy.windowStartMinute + offsetMinutes;
  const shift = Math.floor(local / 1440);
  const days = new Set(policy.weekdays.map((d) => (((d + shift) % 7) + 7) % 7));
  return {
    weekdays: MONDAY_FIRST.filter((d) => days.has(d)),
    daily: days.size === 7,
    start: hhmm(local),
    end: hhmm(local + policy.windowMinutes),
  };
}
