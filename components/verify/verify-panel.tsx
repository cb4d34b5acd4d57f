'use client';

import { ShieldCheck } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { Backup } from '@/lib/aliyun/types';
import { can } from '@/lib/auth/roles';
import type { VerificationResult } from '@/lib/verify/verification';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useFormat } from '@/components/ui/use-format';
import { useVerifyText } from './use-verify-text';
import { VerificationBadge } from './verification-badge';
import { useVerify } from './verify-context';
import { verifyBlock } from './verify-policy';
import { VerifyProgress } from './verify-progress';

const byCount = (counts: Record<string, number>) => Object.entries(counts).sort((a, b) => b[1] - a[1]);

function ResultFacts({ result }: { result: VerificationResult }) {
  const t = useTranslations('verify.panel');
  const text = useVerifyText();
  const format = useFormat();
  const time = (iso: string) => `${format.dateTime(iso, true)} ${format.zoneShort(Date.parse(iso))}`;
  const seconds = Math.max(result.durationMs, 1) / 1000;
  return (
    <dl>
      <Field label={t('result')}>
        <VerificationBadge result={result} />
      </Field>
      {result.problem && (
        <>
          <Field label={t('problem')}>{text.problem(result.problem)}</Field>
          {result.status !== 'encrypted' && (
            <Field label={t('where')}>
              {t('whereValue', {
                offset: text.count(result.problem.offset),
                size: format.bytes(result.size),
              })}
            </Field>
          )}
        </>
      )}
      {result.redisVersion && <Field label={t('redisVersion')}>{result.redisVersion}</Field>}
      {result.rdbVersion !== null && <Field label={t('rdbVersion')}>{result.rdbVersion}</Field>}
      {result.createdAt && <Field label={t('createdAt')}>{time(result.createdAt)}</Field>}
      {result.status !== 'encrypted' && (
        <>
          <Field label={t('keys')}>{text.count(result.keys)}</Field>
          <Field label={t('expires')}>{text.count(result.expires)}</Field>
          {result.keys > 0 && (
            <>
              <Field label={t('keysByDb')}>
                {Object.entries(result.keysByDb)
                  .map(([db, n]) => t('db', { db, count: text.count(n) }))
                  .join(' · ')}
              </Field>
              <Field label={t('keysByType')}>
                {byCount(result.keysByType)
                  .map(([type, n]) => `${type} ${text.count(n)}`)
                  .join(' · ')}
              </Field>
            </>
          )}
          {result.checksum && <Field label={t('checksum')}>{t(`checksumValue.${result.checksum}`)}</Field>}
          <Field label={t('bytesRead')}>
            {format.bytes(result.bytesRead)} ({text.count(result.bytesRead)})
          </Field>
          <Field label={t('duration')}>
            {t('durationValue', {
              seconds: seconds.toFixed(1),
              rate: format.bytes(result.bytesRead / seconds),
            })}
          </Field>
        </>
      )}
      <Field label={t('finishedAt')}>{time(result.finishedAt)}</Field>
      <Field label={t('by')}>{result.user ?? t('schedule')}</Field>
    </dl>
  );
}

/** The details panel's verification: start or cancel one, watch it, and every fact the last one found. */
export function VerifyPanel({ backup }: { backup: Backup }) {
  const t = useTranslations('verify');
  const format = useFormat();
  const { role, verifications, start, cancel, pending } = useVerify();
  const state = verifications[backup.backupId];
  const block = verifyBlock(backup, role);
  return (
    <section className="space-y-3" aria-labelledby={`verify-${backup.backupId}`}>
      <div className="flex items-center justify-between gap-2">
        <h3 id={`verify-${backup.backupId}`} className="text-sm font-medium">
          {t('panel.title')}
        </h3>
        {!state?.job && (
          <Button size="sm" disabled={Boolean(block) || pending} onClick={() => start(backup.backupId)}>
            <ShieldCheck aria-hidden className="h-4 w-4" />
            {state?.result ? t('verifyAgain') : t('verify')}
          </Button>
        )}
      </div>
      {block ? (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          {t(`blocked.${block.key}`, block.values)}
        </p>
      ) : (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          {t('panel.intro', { size: format.bytes(backup.size) })}
        </p>
      )}
      {state?.job && (
        <VerifyProgress
          job={state.job}
          wide
          onCancel={can(role, 'verify') ? () => cancel(backup.backupId) : undefined}
        />
      )}
      {state?.failure && !state.job && (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-200">
          {t('panel.failure', { message: state.failure.message })}
        </p>
      )}
      {state?.result ? (
        <ResultFacts result={state.result} />
      ) : (
        !state?.job && <p className="text-sm text-slate-700 dark:text-slate-300">{t('panel.never')}</p>
      )}
    </section>
  );
}
