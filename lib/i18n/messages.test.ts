import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '@/lib/audit/audit-query';
import { FACETS } from '@/lib/backups/facets';
import { LOCALES, negotiateLocale, type Locale } from './locales';
import { readMessages } from './messages';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('message files', () => {
  const byLocale = Object.fromEntries(LOCALES.map((l) => [l, readMessages(l)]));

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys en has', (locale) => {
    expect(keys(byLocale[locale]).sort()).toEqual(keys(byLocale.en).sort());
  });

  it.each(LOCALES)('%s has no empty message', (locale) => {
    const empty = keys(byLocale[locale]).filter((k) => {
      const value = k
        .split('.')
        .reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], byLocale[locale]);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });
});

describe('values the API sends that the console words', () => {
  const words = (locale: Locale, path: string) =>
    Object.keys(
      path
        .split('.')
        .reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], readMessages(locale)) as object,
    );

  it.each(LOCALES)('%s has a word for every audit action and every facet value', (locale) => {
    expect(words(locale, 'admin.audit.actions').sort()).toEqual([...AUDIT_ACTIONS].sort());
    for (const facet of ['status', 'type', 'mode', 'method'] as const)
      expect(words(locale, `backups.values.${facet}`).sort()).toEqual([...FACETS[facet].values].sort());
  });
});

describe('negotiateLocale', () => {
  it.each([
    [null, 'en'],
    ['', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['fr-FR, zh;q=0.5', 'zh-CN'],
    ['de, fr', 'en'],
    ['en;q=0.2, zh-Hans;q=0.7', 'zh-CN'],
    ['zh;q=0, en', 'en'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
