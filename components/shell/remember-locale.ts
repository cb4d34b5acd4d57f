import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';

/** Keeps a language choice for a year (the server renders it from the cookie); false when not a language. */
export function rememberLocale(locale: string): boolean {
  if (!isLocale(locale)) return false;
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
  return true;
}
