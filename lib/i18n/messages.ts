import 'server-only';
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

/** The locale's messages, read once per process (in development, on every request, so edits show). */
export function messagesFor(locale: Locale): Messages {
  if (process.env.NODE_ENV === 'development') return readMessages(locale);
  let messages = loaded.get(locale);
  if (!messages) loaded.set(locale, (messages = readMessages(locale)));
  return messages;
}
