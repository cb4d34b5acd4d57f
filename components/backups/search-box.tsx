'use client';

import { Search } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

export type SearchCommit = (q: string, history: 'push' | 'replace') => void;

/**
 * Backup or job id search. Typing updates the URL after a pause (Enter at once): the first change of a
 * search adds a history entry, later ones while the box keeps focus replace it, so Back returns to the
 * view the search started from.
 */
export function SearchBox({ value, onSearch }: { value: string; onSearch: SearchCommit }) {
  const t = useTranslations('backups.search');
  const [text, setText] = useState(value);
  const [followed, setFollowed] = useState(value);
  // A typed search waiting for its pause (`data-pending`): tests wait for it to settle, not for a time.
  const [pending, setPending] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pushed = useRef(false);

  // Back/Forward or Reset change the URL under us: the box follows while rendering, never sending back.
  if (value !== followed) {
    setFollowed(value);
    setPending(false);
    if (value !== text.trim()) setText(value);
  }
  // ...and a search still waiting to be sent is dropped, not applied on top of the restored view.
  useEffect(() => () => clearTimeout(timer.current), [value]);

  function commit(next: string) {
    clearTimeout(timer.current);
    setPending(false);
    const q = next.trim();
    if (q === value) return;
    onSearch(q, pushed.current ? 'replace' : 'push');
    pushed.current = true;
  }

  return (
    <label className="relative flex min-w-0 items-center">
      <span className="sr-only">{t('label')}</span>
      <Search
        aria-hidden
        className="pointer-events-none absolute left-2 h-4 w-4 text-slate-500 dark:text-slate-400"
      />
      <input
        type="search"
        inputMode="numeric"
        maxLength={64}
        value={text}
        data-pending={pending || undefined}
        placeholder={t('placeholder')}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          clearTimeout(timer.current);
          setPending(true);
          timer.current = setTimeout(() => commit(next), 350);
        }}
        onKeyDown={(e) => e.key === 'Enter' && commit(text)}
        onBlur={() => {
          commit(text);
          pushed.current = false;
        }}
        className="h-8 w-full min-w-0 rounded-md border border-slate-300 bg-white pr-2 pl-8 text-sm placeholder:text-slate-500 sm:w-52 dark:border-slate-600 dark:bg-slate-900 dark:placeholder:text-slate-400"
      />
    </label>
  );
}
