'use client';

import { LogOut } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { fetchJson } from '@/lib/api/fetch-json';
import { buttonClass } from '@/components/ui/button';
import { useNotify } from '@/components/ui/notifier';

export function SignOutEverywhereButton({ username }: { username: string }) {
  const router = useRouter();
  const notify = useNotify();
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    try {
      await fetchJson(`/api/admin/users/${encodeURIComponent(username)}/sign-out`, { method: 'POST' });
      notify(`Signed ${username} out everywhere.`);
      router.refresh();
    } catch (err) {
      notify(err instanceof Error ? err.message : 'Signing out failed.', 'error');
    } finally {
      setPending(false);
    }
  }

  return (
    <button type="button" className={buttonClass('default', 'sm')} disabled={pending} onClick={signOut}>
      <LogOut aria-hidden className="h-4 w-4" />
      Sign out everywhere
    </button>
  );
}
