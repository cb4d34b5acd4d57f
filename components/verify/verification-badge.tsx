'use client';

import { CircleAlert, CircleCheck, CircleHelp, Lock } from 'lucide-react';
import type { VerificationResult } from '@/lib/verify/verification';
import { cn } from '@/lib/ui/cn';
import { useVerifyText } from './use-verify-text';

const tones = {
  ok: 'text-emerald-800 dark:text-emerald-200',
  bad: 'text-red-700 dark:text-red-300',
  unknown: 'text-amber-800 dark:text-amber-200',
  locked: 'text-slate-700 dark:text-slate-300',
};

/** A finished verification in a few words, its problem spelled out in the title. */
export function VerificationBadge({
  result,
  narrow = false,
}: {
  result: VerificationResult;
  narrow?: boolean;
}) {
  const text = useVerifyText();
  const tone =
    result.status === 'ok'
      ? 'ok'
      : result.status === 'encrypted'
        ? 'locked'
        : result.status === 'unsupported'
          ? 'unknown'
          : 'bad';
  const Icon = { ok: CircleCheck, bad: CircleAlert, unknown: CircleHelp, locked: Lock }[tone];
  return (
    <span
      className={cn(
        'inline-flex items-start gap-1 text-xs font-medium',
        narrow ? 'max-w-[8.5rem]' : 'whitespace-nowrap',
        tones[tone],
      )}
      title={result.problem ? text.problem(result.problem) : undefined}
    >
      <Icon aria-hidden className="mt-px h-3.5 w-3.5 shrink-0" />
      {text.label(result)}
    </span>
  );
}
