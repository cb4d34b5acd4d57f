import 'server-only';
import compile from 'icu-minify/compile';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from './locales';

// One folder per locale, one JSON file per namespace (`backups.json` → `t('backups.…')` or
// useTranslations('backups')). Features own their namespace file, so adding one touches no shared list.
export const MESSAGES_DIR = path.join(process.cwd(), 'lib', 'i18n', 'messages');

export type Messages = Record<string, unknown>;

const loaded = new Map<Locale, Messages>();

export function readMessages(locale: Locale, dir = MESSAGES_DIR): Messages {
  const messages: Messages = {};
  for (const file of readdirSync(path.join(dir, locale)).sort()) {
    if (!file.endsWith('.json')) continue;
    messages[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(path.join(dir, locale, file), 'utf8'));
  }
  return messages;
}

/**
 * Every message compiled (icu-minify), for next-intl's format-only runtime (see next.config.js); through
 * JSON, as next-intl's own loader does, so no null-prototype object is handed to client components.
 */
function compiled(messages: Messages): Messages {
  const each = (value: unknown): unknown =>
    typeof value === 'string'
      ? compile(value)
      : Object.fromEntries(Object.entries(value as Messages).map(([k, v]) => [k, each(v)]));
  return JSON.parse(JSON.stringify(each(messages))) as Messages;
}

/** The locale's messages, compiled, read once per process (in development, on every request, so edits show). */
export function messagesFor(locale: Locale): Messages {
  if (process.env.NODE_ENV === 'development') return compiled(readMessages(locale));
  let messages = loaded.get(locale);
  if (!messages) loaded.set(locale, (messages = compiled(readMessages(locale))));
  return messages;
}
