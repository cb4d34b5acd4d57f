import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/ui/use-format';
import type { HealthReason, SizeTrend } from '@/lib/health/types';

/** A health reason, and a size-trend warning, in the viewer's language. */
export function useHealthText() {
  const t = useTranslations('fleet');
  const f = useFormat();
  return {
    reason(r: HealthReason): string {
      switch (r.code) {
        case 'failure_streak':
          return r.failedShards > 0
            ? t('reason.failure_streak_shards', { failures: r.failures, shards: r.failedShards })
            : t('reason.failure_streak', { failures: r.failures });
        case 'index_stale':
          return t('reason.index_stale', {
            since: `${f.dateTime(r.since)} ${f.zoneShort(Date.parse(r.since))}`,
            message: r.message,
          });
        case 'missed_windows':
          return t('reason.missed_windows', { windows: r.windows });
        case 'never_succeeded':
          return t('reason.never_succeeded', { failures: r.failures });
        case 'no_backups':
          return t('reason.no_backups', { days: r.days });
        case 'policy_unreadable':
          // Alibaba Cloud's own sentence is English: the reason is worded from its code instead.
          return r.denied ? t('reason.policy_denied') : t('reason.policy_unreadable', { code: r.errorCode });
        default:
          return t(`reason.${r.code}`);
      }
    },
    sizeTrend(s: SizeTrend | null): string | null {
      if (!s?.change) return null;
      return t(`sizeTrend.${s.change}`, {
        latest: f.bytes(s.latestBytes),
        median: f.bytes(s.medianBytes),
      });
    },
  };
}
