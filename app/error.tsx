'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations('common.error');
  return (
    <main className="mx-auto max-w-xl space-y-3 p-6">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {error.digest
          ? t.rich('bodyWithDigest', {
              digest: error.digest,
              code: (chunks) => <code className="font-mono">{chunks}</code>,
            })
          : t('body')}
      </p>
      <Button onClick={reset}>{t('retry')}</Button>
    </main>
  );
}
