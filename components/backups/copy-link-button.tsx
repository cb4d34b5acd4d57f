'use client';

import { Link2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { useNotify } from '@/components/ui/notifier';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { copyText } from './download-link';

/** A link to this view with this backup's details open: `?…&backup=<id>`. */
export function CopyLinkButton({ backupId }: { backupId: string }) {
  const t = useTranslations('kinds.link');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const copy = () => {
    const url = new URL(window.location.href);
    url.searchParams.set('backup', backupId);
    copyText(url.toString()).then(
      () => notify(t('copied')),
      (err: unknown) => notify(t('failed', { message: errorMessage(err) }), 'error'),
    );
  };
  return (
    <Button size="sm" onClick={copy}>
      <Link2 aria-hidden className="h-4 w-4" />
      {t('copy')}
    </Button>
  );
}
