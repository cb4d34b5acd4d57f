'use client';

import { useCallback, useSyncExternalStore } from 'react';
import type { TimeZoneMode } from '@/lib/ui/time-zone';

// UTC or local display, remembered per browser and shared by every component that shows a time.

const KEY = 'kvstore-backups.time-zone';
const listeners = new Set<() => void>();

function read(): TimeZoneMode {
  try {
    return window.localStorage.getItem(KEY) === 'local' ? 'local' : 'utc';
  } catch {
    return 'utc';
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

export function useTimeZoneMode(): [TimeZoneMode, (mode: TimeZoneMode) => void] {
  const mode = useSyncExternalStore(subscribe, read, () => 'utc' as const);
  const set = useCallback((next: TimeZoneMode) => {
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Not remembered, still applied below.
    }
    listeners.forEach((l) => l());
  }, []);
  return [mode, set];
}
