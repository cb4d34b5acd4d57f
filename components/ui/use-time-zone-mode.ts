'use client';

import type { TimeZoneMode } from '@/lib/ui/time-zone';
import { useLocalStorage } from './use-local-storage';

// UTC or local display, remembered per browser and shared by every component that shows a time.

export function useTimeZoneMode(): [TimeZoneMode, (mode: TimeZoneMode) => void] {
  const [stored, store] = useLocalStorage('kvstore-backups.time-zone');
  return [stored === 'local' ? 'local' : 'utc', store];
}
