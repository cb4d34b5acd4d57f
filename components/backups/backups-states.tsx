'use client';

import { AlertTriangle, KeyRound, SearchX } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { errorDetail, isRetryable } from '@/lib/api/client/error-message';
import { ApiRequestError } from '@/lib/api/client/fetch-json';
import { FACETS } from '@/lib/backups/facets';
import { PAGE_SIZES, SORT_FIELDS } from '@/lib/backups/query-rules';
import { AccessDeniedDetail } from './access-denied-detail';
import { Button } from '@/components/ui/button';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { openInstancePicker } from '@/components/shell/instance-picker';
import type { RangeProblem } from './date-range';
import type { InvalidValue } from './link-check';
import { useRangeProblemText } from './use-range-problem-text';

function Panel({
  icon,
  title,
  children,
  tone = 'neutral',
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  tone?: 'neutral' | 'error';
}) {
  return (
    <section
      role={tone === 'error' ? 'alert' : undefined}
      className={
        tone === 'error'
          ? 'rounded-lg border border-red-300 bg-red-50 p-6 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100'
          : 'rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-600'
      }
    >
      <div className={tone === 'error' ? 'flex gap-3' : 'mx-auto flex max-w-lg flex-col items-center gap-2'}>
        <span aria-hidden className="shrink-0">
          {icon}
        </span>
        <div className="space-y-2">
          <h2 className="font-semibold">{title}</h2>
          {children}
        </div>
      </div>
    </section>
  );
}

export function EmptyState({
  filtered,
  rangeText,
  onReset,
  children,
}: {
  filtered: boolean;
  rangeText: string;
  onReset: () => void;
  /** A way to backups elsewhere (older ones), when there are any. */
  children?: ReactNode;
}) {
  const t = useTranslations('backups.empty');
  return (
    <Panel
      icon={<SearchX className="h-8 w-8 text-slate-500 dark:text-slate-400" />}
      title={filtered ? t('filteredTitle') : t('title')}
    >
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {filtered ? t('filteredBody', { range: rangeText }) : t('body', { range: rangeText })}
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        {filtered && <Button onClick={onReset}>{t('resetFilters')}</Button>}
        {children}
      </div>
    </Panel>
  );
}

export function NotConfiguredState({ message }: { message: string }) {
  const t = useTranslations('backups.notConfigured');
  const code = (chunks: ReactNode) => <code className="font-mono">{chunks}</code>;
  return (
    <Panel icon={<KeyRound className="h-6 w-6" />} title={t('title')} tone="error">
      <p className="text-sm">{message}</p>
      <p className="text-sm">{t.rich('body', { code })}</p>
    </Panel>
  );
}

export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry: () => void;
  title: string;
}) {
  const t = useTranslations('backups.error');
  const errorMessage = useErrorMessage();
  if (error instanceof ApiRequestError && error.body.code === 'not_configured') {
    return <NotConfiguredState message={errorMessage(error)} />;
  }
  const api = error instanceof ApiRequestError ? error : null;
  const signedOut = api?.status === 401;
  const detail = errorDetail(error);
  const code = (chunks: ReactNode) => <code className="font-mono select-all">{chunks}</code>;
  return (
    <Panel
      icon={<AlertTriangle className="h-6 w-6" />}
      title={signedOut ? t('signedOutTitle') : title}
      tone="error"
    >
      <p className="text-sm">{signedOut ? t('signedOutBody') : errorMessage(error, false)}</p>
      <AccessDeniedDetail detail={api?.body.accessDenied} />
      {detail && <p className="text-sm break-words opacity-90">{t('detail', { message: detail })}</p>}
      {api?.body.field && <p className="text-sm">{t.rich('field', { field: api.body.field, code })}</p>}
      {api?.body.requestId && (
        <p className="text-sm">{t.rich('requestId', { id: api.body.requestId, code })}</p>
      )}
      {signedOut ? (
        <a className="text-sm font-medium underline" href="/sign-in">
          {t('signIn')}
        </a>
      ) : (
        isRetryable(error) && <Button onClick={onRetry}>{t('retry')}</Button>
      )}
    </Panel>
  );
}

export function InstanceNotFoundState({ instanceId }: { instanceId: string }) {
  const t = useTranslations('backups.notFound');
  return (
    <Panel icon={<SearchX className="h-6 w-6" />} title={t('title')} tone="error">
      <p className="text-sm">
        {t.rich('body', { id: instanceId, code: (chunks) => <code className="font-mono">{chunks}</code> })}
      </p>
      <Button onClick={openInstancePicker}>{t('choose')}</Button>
    </Panel>
  );
}

/** What the API accepts for each value a link may carry, to say what a wrong one should have been. */
const EXPECTED: Partial<Record<InvalidValue['field'], string>> = {
  status: FACETS.status.values.join(', '),
  type: FACETS.type.values.join(', '),
  mode: FACETS.mode.values.join(', '),
  method: FACETS.method.values.join(', '),
  sort: SORT_FIELDS.join(', '),
  pageSize: PAGE_SIZES.join(', '),
};

/** A link the API would refuse: what is wrong with it, and a way to a valid view. Nothing is sent. */
export function InvalidLinkState({
  rangeProblem,
  invalid,
  onResetRange,
  onRemoveInvalid,
}: {
  rangeProblem: RangeProblem | null;
  invalid: InvalidValue[];
  onResetRange: () => void;
  onRemoveInvalid: () => void;
}) {
  const t = useTranslations('backups.invalid');
  const rangeText = useRangeProblemText();
  const code = (chunks: ReactNode) => <code className="font-mono break-all">{chunks}</code>;
  return (
    <Panel
      icon={<AlertTriangle className="h-6 w-6" />}
      title={rangeProblem ? t('rangeTitle') : t('valuesTitle')}
      tone="error"
    >
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {rangeProblem && <li>{rangeText(rangeProblem, 'link')}</li>}
        {invalid.map((v) => (
          <li key={v.field}>
            {t.rich(`fields.${v.field}`, { value: v.value, expected: EXPECTED[v.field] ?? '', code })}
          </li>
        ))}
      </ul>
      <p className="text-sm">
        {t('nothingSent')}
        {rangeProblem && ` ${t('chooseRange')}`}
      </p>
      <div className="flex flex-wrap gap-2">
        {rangeProblem && <Button onClick={onResetRange}>{t('useLast7Days')}</Button>}
        {invalid.length > 0 && <Button onClick={onRemoveInvalid}>{t('removeInvalid')}</Button>}
      </div>
    </Panel>
  );
}
