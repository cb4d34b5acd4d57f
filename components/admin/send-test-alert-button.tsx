'use client';

import { Send } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { useErrorMessage } from '@/components/ui/use-error-message';
import type { TestAlertOutcome } from '@/lib/alerts/admin';
import { fetchJson } from '@/lib/api/client/fetch-json';

export function SendTestAlertButton() {
  const t = useTranslations('alerts');
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [state, setState] = useState<{ busy: boolean; message: string | null; error: boolean }>({
    busy: false,
    message: null,
    error: false,
  });
  const send = async () => {
    setState({ busy: true, message: null, error: false });
    try {
      const outcome = await fetchJson<TestAlertOutcome>('/api/admin/alerts/test', { method: 'POST' });
      const message =
        outcome.status === 'sent'
          ? t('testSent')
          : outcome.status === 'skipped'
            ? t('testSkipped')
            : outcome.error
              ? t('testRetrying', { error: outcome.error })
              : t('testQueued');
      setState({ busy: false, message, error: outcome.status !== 'sent' && outcome.status !== 'skipped' });
      router.refresh();
    } catch (err) {
      setState({ busy: false, message: t('testFailed', { message: errorMessage(err) }), error: true });
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={() => void send()}
        disabled={state.busy}
        className={buttonClass('primary', 'sm')}
      >
        <Send aria-hidden className="h-4 w-4" />
        {state.busy ? t('sending') : t('sendTest')}
      </button>
      <p role="status" className={state.error ? 'text-sm text-red-700 dark:text-red-300' : 'text-sm'}>
        {state.message}
      </p>
    </div>
  );
}
