import { useTranslations } from 'next-intl';
import type { DayCell, DayKind } from '@/lib/health/types';
import { cn } from '@/lib/ui/cn';

export const DAY_COLORS: Record<DayKind, string> = {
  success: 'bg-emerald-600 dark:bg-emerald-400',
  failed: 'bg-red-600 dark:bg-red-400',
  missed: 'bg-amber-500 dark:bg-amber-300',
  none: 'bg-slate-200 dark:bg-slate-700',
};

/**
 * One cell per UTC day (the health model's days, whatever the display zone: `label` says so), oldest first;
 * each says what happened that day to a screen reader and on hover.
 */
export function DayStrip({ days, label }: { days: DayCell[]; label: string }) {
  const t = useTranslations('fleet.day');
  return (
    <ol aria-label={label} className="flex items-end gap-px">
      {days.map((d) => {
        const text = t(d.kind, { date: d.date, count: d.kind === 'failed' ? d.failures : d.successes });
        return (
          <li key={d.date} title={text} className={cn('h-5 w-1.5 rounded-sm', DAY_COLORS[d.kind])}>
            <span className="sr-only">{text}</span>
          </li>
        );
      })}
    </ol>
  );
}
