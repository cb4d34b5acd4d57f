'use client';

import { BellRing, DatabaseZap, LogOut, ScrollText, UserRound, UserX } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { can, type SessionUser } from '@/lib/auth/roles';
import { buttonClass } from '@/components/ui/button';
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from '@/components/ui/menu';

export function UserMenu({ user }: { user: SessionUser }) {
  const router = useRouter();
  const t = useTranslations('alerts');
  return (
    <Menu>
      <MenuTrigger
        className={buttonClass('ghost', 'sm', 'max-w-48')}
        aria-label={`Account: ${user.name} (${user.role})`}
      >
        <UserRound aria-hidden className="h-4 w-4" />
        <span aria-hidden className="hidden truncate sm:inline">
          {user.name}
        </span>
        <span
          aria-hidden
          className="hidden rounded bg-slate-200 px-1.5 text-xs text-slate-900 sm:inline dark:bg-slate-700 dark:text-slate-50"
        >
          {user.role}
        </span>
      </MenuTrigger>
      <MenuContent align="end">
        <MenuLabel>
          Signed in as {user.name} · {user.role}
        </MenuLabel>
        <MenuSeparator />
        {can(user.role, 'audit') && (
          <MenuItem onSelect={() => router.push('/admin/audit')}>
            <ScrollText aria-hidden className="h-4 w-4" />
            Audit log
          </MenuItem>
        )}
        {can(user.role, 'admin') && (
          <MenuItem onSelect={() => router.push('/admin/index')}>
            <DatabaseZap aria-hidden className="h-4 w-4" />
            Backup index
          </MenuItem>
        )}
        {can(user.role, 'admin') && (
          <MenuItem onSelect={() => router.push('/admin/alerts')}>
            <BellRing aria-hidden className="h-4 w-4" />
            {t('menu')}
          </MenuItem>
        )}
        {can(user.role, 'admin') && (
          <MenuItem onSelect={() => router.push('/admin/sessions')}>
            <UserX aria-hidden className="h-4 w-4" />
            Sessions
          </MenuItem>
        )}
        <MenuItem onSelect={() => void signOut({ callbackUrl: '/sign-in' })}>
          <LogOut aria-hidden className="h-4 w-4" />
          Sign out
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
