import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { readMessages } from '@/lib/i18n/messages';
import { AUDIT_ACTIONS } from './audit-query';

// The audit log names every action in words: an action added without its message would show as a key.

describe('audit actions', () => {
  it.each(LOCALES)('each has its name in %s', (locale) => {
    const names = (readMessages(locale).admin as { audit: { actions: Record<string, string> } }).audit
      .actions;
    expect(AUDIT_ACTIONS.filter((action) => !names[action])).toEqual([]);
  });
});
