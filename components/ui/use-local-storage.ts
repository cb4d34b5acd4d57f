'use client';

import { useCallback, useSyncExternalStore } from 'react';

// One string remembered per browser, shared live by every component that reads the same key.

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The stored string (null when unset, and while rendering on the server) and a setter. */
export function useLocalStorage(key: string): [string | null, (value: string) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const set = useCallback(
    (next: string) => {
      try {
        window.localStorage.setItem(key, next);
      } catch {
        // Private mode or a full quota: the choice is not kept.
      }
      listeners.forEach((l) => l());
    },
    [key],
  );
  return [value, set];
}
