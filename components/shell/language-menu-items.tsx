'use client';

import { Languages } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';
import { MenuLabel, MenuRadioGroup, MenuRadioItem } from '@/components/ui/menu';
import { rememberLocale } from './remember-locale';

/** The user menu's language choice: kept in a cookie for a year, so the server renders it from then on. */
export function LanguageMenuItems() {
  const t = useTranslations('shell.userMenu');
  const locale = useLocale();
  const router = useRouter();
  const [, startTransition] = useTransition();

  function choose(next: string) {
    if (next !== locale && rememberLocale(next)) startTransition(() => router.refresh());
  }

  return (
    <>
      <MenuLabel className="flex items-center gap-1.5">
        <Languages aria-hidden className="h-3.5 w-3.5" />
        {t('language')}
      </MenuLabel>
      <MenuRadioGroup value={locale} onValueChange={choose}>
        {LOCALES.map((l) => (
          <MenuRadioItem key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </MenuRadioItem>
        ))}
      </MenuRadioGroup>
    </>
  );
}
