'use client';

import { BellRing, DatabaseZap, LogOut, ScrollText, UserX } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { can, type Role } from '@/lib/auth/roles';
import { MenuItem, MenuLabel, MenuSeparator } from '@/components/ui/menu';
import { LanguageMenuItems } from './language-menu-items';
import { signOut } from './sign-out';

/** The user menu's items, loaded with the menu: the admin pages a role may open, the language, sign out. */
export function UserMenuItems({ name, role, roleName }: { name: string; role: Role; roleName: string }) {
  const t = useTranslations('shell.userMenu');
  const router = useRouter();
  return (
    <>
      <MenuLabel>{t('signedInAs', { name, role: roleName })}</MenuLabel>
      <MenuSeparator />
      {can(role, 'audit') && (
        <MenuItem onSelect={() => router.push('/admin/audit')}>
          <ScrollText aria-hidden className="h-4 w-4" />
          {t('auditLog')}
        </MenuItem>
      )}
      {can(role, 'admin') && (
        <MenuItem onSelect={() => router.push('/admin/index')}>
          <DatabaseZap aria-hidden className="h-4 w-4" />
          {t('backupIndex')}
        </MenuItem>
      )}
      {can(role, 'admin') && (
        <MenuItem onSelect={() => router.push('/admin/alerts')}>
          <BellRing aria-hidden className="h-4 w-4" />
          {t('alerts')}
        </MenuItem>
      )}
      {can(role, 'admin') && (
        <MenuItem onSelect={() => router.push('/admin/sessions')}>
          <UserX aria-hidden className="h-4 w-4" />
          {t('sessions')}
        </MenuItem>
      )}
      <MenuSeparator />
      <LanguageMenuItems />
      <MenuSeparator />
      <MenuItem onSelect={() => void signOut('/sign-in')}>
        <LogOut aria-hidden className="h-4 w-4" />
        {t('signOut')}
      </MenuItem>
    </>
  );
}
