import { CircleAlert, CircleCheck, CircleHelp, CircleSlash, CircleX } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { HealthState } from '@/lib/health/types';
import { cn } from '@/lib/ui/cn';

const LOOK: Record<HealthState, { icon: typeof CircleCheck; className: string }> = {
  ok: {
    icon: CircleCheck,
    className:
      'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/40',
  },
  late: {
    icon: CircleAlert,
    className:
      'bg-amber-50 text-amber-900 ring-amber-600/40 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-400/40',
  },
  failing: {
    icon: CircleX,
    className:
      'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-200 dark:ring-red-400/40',
  },
  no_backups: {
    icon: CircleSlash,
    className:
      'bg-slate-100 text-slate-800 ring-slate-500/30 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-400/40',
  },
  unknown: {
    icon: CircleHelp,
    className:
      'bg-violet-50 text-violet-900 ring-violet-600/30 dark:bg-violet-950 dark:text-violet-100 dark:ring-violet-400/40',
  },
};

export function StateBadge({ state }: { state: HealthState }) {
  const t = useTranslations('fleet.state');
  const { icon: Icon, className } = LOOK[state];
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset',
        className,
      )}
    >
      <Icon aria-hidden className="h-3.5 w-3.5" />
      {t(state)}
    </span>
  );
}
