'use client';

import { CircleAlert, CircleCheck, CircleX, LoaderCircle } from 'lucide-react';
import { cn } from '@/lib/ui/cn';
import { useFacetValueText } from './cells';

const TONES = {
  ok: [
    CircleCheck,
    'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/40',
  ],
  // A set with some nodes lost: usable in part.
  partial: [
    CircleAlert,
    'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/40',
  ],
  running: [
    LoaderCircle,
    'bg-blue-50 text-blue-800 ring-blue-600/30 dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-400/40',
  ],
  bad: [
    CircleX,
    'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-200 dark:ring-red-400/40',
  ],
} as const;

const TONE_OF: Record<string, keyof typeof TONES> = {
  Success: 'ok',
  Incomplete: 'partial',
  Running: 'running',
};

export function StatusBadge({ status }: { status: string }) {
  const text = useFacetValueText()('status', status);
  const [Icon, tone] = TONES[TONE_OF[status] ?? 'bad'];
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset',
        tone,
      )}
    >
      <Icon aria-hidden className="h-3.5 w-3.5" />
      {text}
    </span>
  );
}
