import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
import { readMessages } from './messages';
import type { Translate } from './translate';

/** A namespace's real translator, for unit tests of helpers that put sentences together. */
export function testTranslator(namespace: string, locale: Locale = 'en'): Translate {
  return createTranslator({ locale, messages: readMessages(locale), namespace }) as unknown as Translate;
}
