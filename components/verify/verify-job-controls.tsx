'use client';

import { ShieldCheck } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { Backup } from '@/lib/aliyun/types';
import { can } from '@/lib/auth/roles';
import { cn } from '@/lib/ui/cn';
import { Button } from '@/components/ui/button';
import { useVerify } from './verify-context';
import { jobIsVerified, jobVerdict } from './verify-policy';

/** A cluster job's header: "Verify all shards", and whether the job is verified — only when every shard is. */
export function VerifyJobControls({ jobId, backups }: { jobId: string; backups: Backup[] }) {
  const t = useTranslations('verify.job');
  const { role, verifications, startJob, pending } = useVerify();
  const verdict = jobVerdict(backups, verifications);
  const checked = verdict.verified + verdict.failed;
  const parts: Array<{ text: string; bad?: boolean; good?: boolean }> = [];
  if (jobIsVerified(verdict)) parts.push({ text: t('verified', { count: verdict.total }), good: true });
  else if (checked > 0)
    parts.push({ text: t('partly', { verified: verdict.verified, total: verdict.total }) });
  if (verdict.failed > 0) parts.push({ text: t('failed', { count: verdict.failed }), bad: true });
  if (verdict.active > 0) parts.push({ text: t('active', { count: verdict.active }) });
  if (verdict.withoutFile > 0 && (checked > 0 || verdict.active > 0))
    parts.push({ text: t('withoutFile', { count: verdict.withoutFile }), bad: true });
  const canStart = can(role, 'verify') && verdict.withoutFile < verdict.total && verdict.active === 0;
  return (
    <>
      {parts.length > 0 && (
        <span className="text-slate-700 dark:text-slate-300" role="status">
          {parts.map((p, i) => (
            <span
              key={p.text}
              className={cn(
                p.bad && 'text-red-700 dark:text-red-300',
                p.good && 'font-medium text-emerald-800 dark:text-emerald-200',
              )}
            >
              {i > 0 && ' · '}
              {p.text}
            </span>
          ))}
        </span>
      )}
      {can(role, 'verify') && (
        <Button
          size="sm"
          disabled={!canStart || pending}
          onClick={() => startJob(jobId)}
          aria-label={t('verifyAllOf', { jobId })}
        >
          <ShieldCheck aria-hidden className="h-4 w-4" />
          {t('verifyAll')}
        </Button>
      )}
    </>
  );
}
