'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { PolicyVersion } from '@/lib/health/types';
import { zoneLabel, type TimeZoneMode } from '@/lib/ui/time-zone';
import { scheduleIn } from './policy-schedule';

// 2024-01-07 was a Sunday: day d of the week is 2024-01-(7 + d).
const weekdayDate = (d: number) => new Date(Date.UTC(2024, 0, 7 + d, 12));

/** "Daily, 02:00–03:00 UTC, kept 7 days" in the viewer's zone (weekdays move when the window crosses midnight). */
export function usePolicyText() {
  const t = useTranslations('fleet.policy');
  const format = useFormatter();
  return (policy: Omit<PolicyVersion, 'from'> | null, mode: TimeZoneMode): string | null => {
    if (!policy) return null;
    const offset = mode === 'utc' ? 0 : -new Date().getTimezoneOffset();
    const schedule = scheduleIn(policy, offset);
    if (!schedule) return null;
    const zone = mode === 'utc' ? 'UTC' : zoneLabel('local');
    const days = schedule.weekdays
      .map((d) => format.dateTime(weekdayDate(d), { weekday: 'short', timeZone: 'UTC' }))
      .join(', ');
    const parts = [
      schedule.daily
        ? t('daily', { start: schedule.start, end: schedule.end, zone })
        : t('weekly', { days, start: schedule.start, end: schedule.end, zone }),
    ];
    if (policy.retentionDays !== null) parts.push(t('kept', { days: policy.retentionDays }));
    if (policy.logBackup) parts.push(t('log'));
    return parts.join(', ');
  };
}
