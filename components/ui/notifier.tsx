'use client';

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { cn } from '@/lib/ui/cn';

// One live region for short confirmations ("Copied …") and action errors, announced to screen readers.

type Tone = 'info' | 'error';
type Notify = (message: string, tone?: Tone) => void;

const NotifyContext = createContext<Notify>(() => {});

export function useNotify(): Notify {
  return useContext(NotifyContext);
}

export function NotifierProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<{ message: string; tone: Tone; id: number } | null>(null);
  const notify = useCallback<Notify>(
    (message, tone = 'info') => setNotice({ message, tone, id: Date.now() }),
    [],
  );

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), notice.tone === 'error' ? 10_000 : 4_000);
    return () => clearTimeout(timer);
  }, [notice]);

  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <div
        role="status"
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-[60] flex justify-center px-4"
      >
        {notice && (
          <p
            key={notice.id}
            className={cn(
              'pointer-events-auto max-w-xl rounded-md px-4 py-2 text-sm shadow-lg',
              notice.tone === 'error'
                ? 'bg-red-700 text-white'
                : 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900',
            )}
          >
            {notice.message}
          </p>
        )}
      </div>
    </NotifyContext.Provider>
  );
}
