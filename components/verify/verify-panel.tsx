'use client';

import { ShieldCheck } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { Backup } from '@/lib/aliyun/types';
import { can } from '@/lib/auth/roles';
import type { VerificationResult } from '@/lib/verify/verification';
import { Button } from '@/components/ui/button';
import { useFormat } from '@/components/ui/use-format';
import { useVerifyText } from './use-verify-text';
import { VerificationBadge } from './verification-badge';
import { useVerify } from './verify-context';
import { verifyBlock } from './verify-policy';
import { VerifyProgress } from './verify-progress';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-2 border-b border-slate-100 py-1.5 text-sm last:border-0 dark:border-slate-800">
      <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

const byCount = (counts: Record<string, number>) => Object.entries(counts).sort((a, b) => b[1] - a[1]);

function ResultFacts({ result }: { result: VerificationResult }) {
  const t = useTranslations('verify.panel');
  const text = useVerifyText();
  const format = useFormat();
  const time = (iso: string) => `${format.dateTime(iso, true)} ${format.zoneShort(Date.parse(iso))}`;
  const seconds = Math.max(result.durationMs, 1) / 1000;
  return (
    <dl>
      <Row label={t('result')}>
        <VerificationBadge result={result} />
      </Row>
      {result.problem && (
        <>
          <Row label={t('problem')}>{text.problem(result.problem)}</Row>
          {result.status !== 'encrypted' && (
            <Row label={t('where')}>
              {t('whereValue', {
                offset: text.count(result.problem.offset),
                size: format.bytes(result.size),
              })}
            </Row>
          )}
        </>
      )}
      {result.redisVersion && <Row label={t('redisVersion')}>{result.redisVersion}</Row>}
      {result.rdbVersion !== null && <Row label={t('rdbVersion')}>{result.rdbVersion}</Row>}
      {result.createdAt && <Row label={t('createdAt')}>{time(result.createdAt)}</Row>}
      {result.status !== 'encrypted' && (
        <>
          <Row label={t('keys')}>{text.count(result.keys)}</Row>
          <Row label={t('expires')}>{text.count(result.expires)}</Row>
          {result.keys > 0 && (
            <>
              <Row label={t('keysByDb')}>
                {Object.entries(result.keysByDb)
                  .map(([db, n]) => t('db', { db, count: text.count(n) }))
                  .join(' · ')}
              </Row>
              <Row label={t('keysByType')}>
                {byCount(result.keysByType)
                  .map(([type, n]) => `${type} ${text.count(n)}`)
                  .join(' · ')}
              </Row>
            </>
          )}
          {result.checksum && <Row label={t('checksum')}>{t(`checksumValue.${result.checksum}`)}</Row>}
          <Row label={t('bytesRead')}>
            {format.bytes(result.bytesRead)} ({text.count(result.bytesRead)})
          </Row>
          <Row label={t('duration')}>
            {t('durationValue', {
              seconds: seconds.toFixed(1),
              rate: format.bytes(result.bytesRead / seconds),
            })}
          </Row>
        </>
      )}
      <Row label={t('finishedAt')}>{time(result.finishedAt)}</Row>
      <Row label={t('by')}>{result.user ?? t('schedule')}</Row>
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
