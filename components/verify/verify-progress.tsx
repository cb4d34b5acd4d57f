'use client';

import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { VerificationJob } from '@/lib/verify/verification';
import { Button } from '@/components/ui/button';
import { percentRead } from './verify-policy';

/** A queued or running verification: how far it has read, and a way to stop it. */
export function VerifyProgress({
  job,
  onCancel,
  wide = false,
}: {
  job: VerificationJob;
  onCancel?: () => void;
  wide?: boolean;
}) {
  const t = useTranslations('verify');
  const percent = percentRead(job.bytesRead, job.size);
  const running = job.state === 'running';
  return (
    <span className="inline-flex items-center gap-2">
      <span className="inline-flex flex-col gap-0.5">
        <span className="text-xs whitespace-nowrap text-slate-700 dark:text-slate-300">
          {running
            ? t('running', { percent })
            : job.ahead > 0
              ? t('queuedAhead', { ahead: job.ahead })
              : t('queued')}
        </span>
        <span
          role="progressbar"
          aria-label={t('progressOf', { backupId: job.backupId })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className={`block h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700 ${wide ? 'w-48' : 'w-24'}`}
        >
          <span
            className="block h-full bg-blue-600 transition-[width] dark:bg-blue-400"
            style={{ width: `${percent}%` }}
          />
        </span>
      </span>
      {onCancel && (
        <Button
          size="icon"
          variant="ghost"
          aria-label={t('cancelBackup', { backupId: job.backupId })}
          onClick={onCancel}
        >
          <X aria-hidden className="h-4 w-4" />
        </Button>
      )}
    </span>
  );
}
