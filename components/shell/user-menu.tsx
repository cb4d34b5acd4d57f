'use client';

import { BellRing, DatabaseZap, LogOut, ScrollText, UserRound, UserX } from 'lucide-react';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { can, type SessionUser } from '@/lib/auth/roles';
import { buttonClass } from '@/components/ui/button';
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from '@/components/ui/menu';
import { LanguageMenuItems } from './language-menu-items';

export function UserMenu({ user }: { user: SessionUser }) {
  const t = useTranslations('shell.userMenu');
  const role = useTranslations('common.roles')(user.role);
  const router = useRouter();
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
        <MenuLabel>{t('signedInAs', { name: user.name, role })}</MenuLabel>
        <MenuSeparator />
        {can(user.role, 'audit') && (
          <MenuItem onSelect={() => router.push('/admin/audit')}>
            <ScrollText aria-hidden className="h-4 w-4" />
            {t('auditLog')}
          </MenuItem>
        )}
        {can(user.role, 'admin') && (
          <MenuItem onSelect={() => router.push('/admin/index')}>
            <DatabaseZap aria-hidden className="h-4 w-4" />
            {t('backupIndex')}
          </MenuItem>
        )}
        {can(user.role, 'admin') && (
          <MenuItem onSelect={() => router.push('/admin/alerts')}>
            <BellRing aria-hidden className="h-4 w-4" />
            {t('alerts')}
          </MenuItem>
        )}
        {can(user.role, 'admin') && (
          <MenuItem onSelect={() => router.push('/admin/sessions')}>
            <UserX aria-hidden className="h-4 w-4" />
            {t('sessions')}
          </MenuItem>
        )}
        <MenuSeparator />
        <LanguageMenuItems />
        <MenuSeparator />
        <MenuItem onSelect={() => void signOut({ callbackUrl: '/sign-in' })}>
          <LogOut aria-hidden className="h-4 w-4" />
          {t('signOut')}
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
