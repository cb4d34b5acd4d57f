'use client';

import { CircleCheck, CircleX } from 'lucide-react';
import { cn } from '@/lib/ui/cn';
import { useFacetValueText } from './cells';

export function StatusBadge({ status }: { status: string }) {
  const text = useFacetValueText()('status', status);
  const ok = status === 'Success';
  const Icon = ok ? CircleCheck : CircleX;
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset',
        ok
          ? 'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/40'
          : 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-200 dark:ring-red-400/40',
      )}
    >
      <Icon aria-hidden className="h-3.5 w-3.5" />
      {text}
    </span>
  );
}
