'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useTheme } from 'next-themes';
import { useSyncExternalStore } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Menu, MenuContent, MenuRadioGroup, MenuRadioItem, MenuTrigger } from '@/components/ui/menu';

const noop = () => () => {};

export function ThemeSwitch() {
  const t = useTranslations('shell.theme');
  const { theme, setTheme, resolvedTheme } = useTheme();
  // The theme is known only in the browser; render the neutral icon on the server.
  const mounted = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const Icon = !mounted ? Monitor : resolvedTheme === 'dark' ? Moon : Sun;
  return (
    <Menu>
      <MenuTrigger aria-label={t('label')} className={buttonClass('ghost', 'icon')}>
        <Icon aria-hidden className="h-4 w-4" />
      </MenuTrigger>
      <MenuContent align="end">
        <MenuRadioGroup value={mounted ? (theme ?? 'system') : 'system'} onValueChange={setTheme}>
          <MenuRadioItem value="light">
            <Sun aria-hidden className="h-4 w-4" /> {t('light')}
          </MenuRadioItem>
          <MenuRadioItem value="dark">
            <Moon aria-hidden className="h-4 w-4" /> {t('dark')}
          </MenuRadioItem>
          <MenuRadioItem value="system">
            <Monitor aria-hidden className="h-4 w-4" /> {t('system')}
          </MenuRadioItem>
        </MenuRadioGroup>
      </MenuContent>
    </Menu>
  );
}
