'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import type { Backup } from '@/lib/aliyun/types';
import { can } from '@/lib/auth/roles';
import { useVerify } from './verify-context';

// Results and progress come from the browser's own request after the page has loaded; their code is fetched
// then, not with the page (first-load budget).
const VerificationBadge = dynamic(() => import('./verification-badge').then((m) => m.VerificationBadge));
const VerifyProgress = dynamic(() => import('./verify-progress').then((m) => m.VerifyProgress));

/** The row's verification: its progress while one runs, else the last result, else nothing to say. */
export function VerificationCell({ backup }: { backup: Backup }) {
  const t = useTranslations('verify');
  const { verifications, role, cancel } = useVerify();
  const state = verifications[backup.backupId];
  if (state?.job) {
    return (
      <VerifyProgress
        job={state.job}
        onCancel={can(role, 'verify') ? () => cancel(backup.backupId) : undefined}
      />
    );
  }
  if (state?.result) return <VerificationBadge result={state.result} narrow />;
  if (state?.failure) {
    return (
      <span className="text-xs text-amber-800 dark:text-amber-200" title={state.failure.message}>
        {t('couldNotVerify')}
      </span>
    );
  }
  return (
    <span className="text-slate-500 dark:text-slate-400">
      <span aria-hidden>—</span>
      <span className="sr-only">{t('notVerified')}</span>
    </span>
  );
}
