'use client';

import { UserRound } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import type { SessionUser } from '@/lib/auth/roles';
import { buttonClass } from '@/components/ui/button';
import { Menu, MenuContent, MenuTrigger } from '@/components/ui/menu';

// The items (admin pages, language, sign out) load with the menu, not with every page.
const UserMenuItems = dynamic(() => import('./user-menu-items').then((m) => m.UserMenuItems), { ssr: false });

export function UserMenu({ user }: { user: SessionUser }) {
  const t = useTranslations('shell.userMenu');
  const role = useTranslations('common.roles')(user.role);
  return (
    <Menu>
      <MenuTrigger
        // Wide screens have room for the whole name; phones show the icon alone.
        className={buttonClass('ghost', 'sm', 'max-w-48 lg:max-w-96')}
        aria-label={t('account', { name: user.name, role })}
      >
        <UserRound aria-hidden className="h-4 w-4" />
        <span aria-hidden className="hidden truncate sm:inline">
          {user.name}
        </span>
        <span
          aria-hidden
          className="hidden rounded bg-slate-200 px-1.5 text-xs text-slate-900 sm:inline dark:bg-slate-700 dark:text-slate-50"
        >
          {role}
        </span>
      </MenuTrigger>
      <MenuContent align="end">
        <UserMenuItems name={user.name} role={user.role} roleName={role} />
      </MenuContent>
    </Menu>
  );
}
