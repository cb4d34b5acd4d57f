import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHardCodedStrings } from './hard-coded-strings';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('hard-coded user-facing strings', () => {
  it('finds JSX text, rendered literals and readable props, and leaves message calls alone', () => {
    const source = `
      export function A({ n, ok }: { n: number; ok: boolean }) {
        const t = useTranslations('x');
        return (
          <div className="p-2 text-sm" data-state={ok ? 'open' : 'closed'}>
            Hello there
            <button aria-label="Close" title={t('close')} onClick={() => go('Not shown')}>{t('ok')}</button>
            {ok ? 'Yes' : t('no')}
            {n === 1 ? t('one') : t('many')}
            <input placeholder={\`Search \${n}\`} />
            <span>— · {n} –</span>
            {label ?? 'Fallback'}
          </div>
        );
      }`;
    expect(findHardCodedStrings('a.tsx', source).map((f) => f.text)).toEqual([
      'Hello there',
      'Close',
      'Yes',
      'Search',
      'Fallback',
    ]);
  });

  it('are nowhere in app/ or components/: every word comes from lib/i18n/messages', () => {
    const files = ['app', 'components'].flatMap((dir) =>
      readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.tsx'))
        .map((f) => path.join(dir, f)),
    );
    expect(files.length).toBeGreaterThan(40);
    const found = files.flatMap((file) =>
      findHardCodedStrings(file, readFileSync(path.join(ROOT, file), 'utf8')).map(
        (f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
