'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';
import { rememberLocale } from './remember-locale';

/** The language choice before signing in: each language in its own words. */
export function LanguageLinks() {
  const t = useTranslations('shell.userMenu');
  const locale = useLocale();
  const router = useRouter();
  return (
    <nav aria-label={t('language')} className="flex justify-center gap-3 text-sm">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-current={l === locale ? 'true' : undefined}
          onClick={() => rememberLocale(l) && router.refresh()}
          className="rounded px-1 text-blue-700 underline-offset-2 hover:underline aria-[current]:font-semibold aria-[current]:text-slate-900 aria-[current]:no-underline dark:text-blue-300 dark:aria-[current]:text-slate-100"
        >
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </nav>
  );
}
