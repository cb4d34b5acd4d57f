'use client';

import { Search } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';

/** Backup id or job id search; typing updates the URL after a pause, replacing the history entry. */
export function SearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const [text, setText] = useState(value);
  const latest = useRef(value);

  // Back/Forward or Reset change the URL under us: follow it unless the user is mid-edit.
  useEffect(() => {
    if (value !== latest.current) {
      latest.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === latest.current) return;
    const timer = setTimeout(() => {
      latest.current = trimmed;
      onChange(trimmed);
    }, 350);
    return () => clearTimeout(timer);
  }, [text, onChange]);

  return (
    <label className="relative flex min-w-0 items-center">
      <span className="sr-only">Search backup or job id</span>
      <Search
        aria-hidden
        className="pointer-events-none absolute left-2 h-4 w-4 text-slate-500 dark:text-slate-400"
      />
      <input
        type="search"
        inputMode="numeric"
        maxLength={64}
        value={text}
        placeholder="Backup or job id…"
        onChange={(e) => setText(e.target.value)}
        className="h-8 w-full min-w-0 rounded-md border border-slate-300 bg-white pr-2 pl-8 text-sm placeholder:text-slate-500 sm:w-52 dark:border-slate-600 dark:bg-slate-900 dark:placeholder:text-slate-400"
      />
    </label>
  );
}
