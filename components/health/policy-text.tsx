'use client';

import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/ui/use-format';
import { useNow } from '@/components/ui/use-now';
import { zoneOffsetMinutes } from '@/lib/format/zone';
import type { PolicyVersion } from '@/lib/health/types';
import { scheduleIn } from './policy-schedule';

/**
 * "Daily, 02:00–03:00 UTC, kept 7 days" in the display zone, at its offset now (weekdays move when the window
 * crosses midnight there).
 */
export function usePolicyText() {
  const t = useTranslations('fleet.policy');
  const f = useFormat();
  const now = useNow();
  return (policy: Omit<PolicyVersion, 'from'> | null): string | null => {
    if (!policy) return null;
    const schedule = scheduleIn(policy, zoneOffsetMinutes(f.timeZone, now));
    if (!schedule) return null;
    const window = { start: schedule.start, end: schedule.end, zone: f.zoneShort(now) };
    const parts = [
      schedule.daily
        ? t('daily', window)
        : t('weekly', { ...window, days: schedule.weekdays.map(f.weekday).join(t('daySeparator')) }),
    ];
    if (policy.retentionDays !== null) parts.push(t('kept', { days: policy.retentionDays }));
    if (policy.logBackup) parts.push(t('log'));
    return parts.join(t('separator'));
  };
}
