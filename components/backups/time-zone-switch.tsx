'use client';

import { cn } from '@/lib/ui/cn';
import { zoneLabel, type TimeZoneMode } from '@/lib/ui/time-zone';

/** UTC or the browser's zone, for every time on the page and in the range picker. */
export function TimeZoneSwitch({
  value,
  onChange,
}: {
  value: TimeZoneMode;
  onChange: (mode: TimeZoneMode) => void;
}) {
  const option = (mode: TimeZoneMode, text: string) => (
    <button
      type="button"
      role="radio"
      aria-checked={value === mode}
      title={zoneLabel(mode)}
      onClick={() => onChange(mode)}
      className={cn(
        'h-7 rounded px-2 text-xs font-medium focus-visible:outline-2 focus-visible:outline-blue-600',
        value === mode
          ? 'bg-white text-slate-900 shadow-sm dark:bg-slate-700 dark:text-white'
          : 'text-slate-700 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white',
      )}
    >
      {text}
    </button>
  );
  return (
    <div
      role="radiogroup"
      aria-label="Time zone"
      className="inline-flex h-8 items-center gap-0.5 rounded-md bg-slate-100 p-0.5 dark:bg-slate-800"
    >
      {option('utc', 'UTC')}
      {option('local', 'Local')}
    </div>
  );
}
