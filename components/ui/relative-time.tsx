'use client';

import { cn } from '@/lib/ui/cn';
import { useFormat } from './use-format';
import { useNow } from './use-now';

/**
 * "in 14 minutes", "7 years ago", with the exact time (and its zone) shown on hover and on keyboard focus;
 * a touch opens it too. Screen readers hear both.
 */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const f = useFormat();
  const now = useNow();
  return (
    <time
      dateTime={iso}
      tabIndex={0}
      className={cn(
        'group relative cursor-help rounded underline decoration-dotted underline-offset-2 focus-visible:outline-2 focus-visible:outline-blue-600',
        className,
      )}
    >
      {f.relative(iso, now)}
      <span className="pointer-events-none absolute top-full left-0 z-10 mt-1 rounded bg-slate-900 px-2 py-1 text-xs whitespace-nowrap text-white opacity-0 shadow group-hover:opacity-100 group-focus:opacity-100 dark:bg-slate-100 dark:text-slate-900">
        {' '}
        {f.dateTime(iso, true)} {f.zoneShort(Date.parse(iso))}
      </span>
    </time>
  );
}
