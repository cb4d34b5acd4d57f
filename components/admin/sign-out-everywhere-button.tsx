'use client';

import { LogOut } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { fetchJson } from '@/lib/api/client/fetch-json';
import { buttonClass } from '@/components/ui/button';
import { useNotify } from '@/components/ui/notifier';
import { useErrorMessage } from '@/components/ui/use-error-message';

export function SignOutEverywhereButton({ username }: { username: string }) {
  const t = useTranslations('admin.sessions');
  const router = useRouter();
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    try {
      await fetchJson(`/api/admin/users/${encodeURIComponent(username)}/sign-out`, { method: 'POST' });
      notify(t('signedOut', { username }));
      router.refresh();
    } catch (err) {
      notify(t('signOutFailed', { message: errorMessage(err) }), 'error');
    } finally {
      setPending(false);
    }
  }

  return (
    <button type="button" className={buttonClass('default', 'sm')} disabled={pending} onClick={signOut}>
      <LogOut aria-hidden className="h-4 w-4" />
      {t('signOutEverywhere')}
      <span className="sr-only">{t('signOutWho', { username })}</span>
    </button>
  );
}
