import { Archive } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import type { SessionUser } from '@/lib/auth/roles';
import { InstancePicker } from './instance-picker';
import { ThemeSwitch } from './theme-switch';
import { UserMenu } from './user-menu';

export async function AppHeader({ user }: { user: SessionUser }) {
  const t = await getTranslations('common');
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
      <div className="mx-auto flex max-w-[96rem] flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2">
        <Link
          href="/"
          className="flex items-center gap-2 rounded font-semibold focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          <Archive aria-hidden className="h-5 w-5 text-blue-700 dark:text-blue-400" />
          {t('appName')}
        </Link>
        <div className="order-last w-full sm:order-none sm:w-auto">
          <Suspense>
            <InstancePicker />
          </Suspense>
        </div>
        <div className="ml-auto flex items-center gap-1">
          <ThemeSwitch />
          <UserMenu user={user} />
        </div>
      </div>
    </header>
  );
}
