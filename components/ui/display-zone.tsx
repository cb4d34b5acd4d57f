'use client';

import { useSearchParams } from 'next/navigation';
import { parseAsString, useQueryState } from 'nuqs';
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import {
  resolveDisplayZone,
  TIME_ZONE_COOKIE,
  TIME_ZONE_PARAM,
  type DisplayZone,
} from '@/lib/format/display-zone';

// The display zone in the browser: the URL's `tz=`, else the zone the server resolved from the cookie.

const RememberedZone = createContext<string | null>(null);

export function DisplayZoneProvider({
  remembered,
  children,
}: {
  remembered: string | null;
  children: ReactNode;
}) {
  return <RememberedZone value={remembered}>{children}</RememberedZone>;
}

export function useDisplayZone(): DisplayZone {
  const remembered = useContext(RememberedZone);
  return resolveDisplayZone(useSearchParams().get(TIME_ZONE_PARAM), remembered);
}

/** Puts a zone in the URL (a new history entry, so Back returns) and remembers it for the next visit. */
export function useSetDisplayZone(): (timeZone: string) => void {
  const [, setParam] = useQueryState(TIME_ZONE_PARAM, parseAsString.withOptions({ history: 'push' }));
  return useCallback(
    (timeZone: string) => {
      document.cookie = `${TIME_ZONE_COOKIE}=${timeZone}; path=/; max-age=31536000; samesite=lax`;
      void setParam(timeZone);
    },
    [setParam],
  );
}
