import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { isLocale, LOCALE_COOKIE, negotiateLocale } from './locales';
import { messagesFor } from './messages';

// next-intl without locale prefixes in the URL: the user menu's choice (a cookie) wins, else the
// browser's Accept-Language.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get('accept-language'));
  return { locale, messages: messagesFor(locale), timeZone: 'UTC' };
});
