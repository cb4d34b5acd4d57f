'use client';

import { useSearchParams } from 'next/navigation';
import { parseAsString, useQueryState } from 'nuqs';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import {
  resolveDisplayZone,
  TIME_ZONE_COOKIE,
  TIME_ZONE_PARAM,
  type DisplayZone,
} from '@/lib/format/display-zone';

// The display zone in the browser: the URL's `tz=`, else the zone last chosen (the server read it from the
// cookie for the first render; a choice made since is kept here too, as layouts are not rendered again).

interface Remembered {
  zone: string | null;
  remember: (zone: string) => void;
}

const RememberedZone = createContext<Remembered>({ zone: null, remember: () => {} });

export function DisplayZoneProvider({
  remembered,
  children,
}: {
  remembered: string | null;
  children: ReactNode;
}) {
  const [zone, setZone] = useState(remembered);
  const value = useMemo(
    () => ({
      zone,
      remember: (next: string) => {
        document.cookie = `${TIME_ZONE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        setZone(next);
      },
    }),
    [zone],
  );
  return <RememberedZone value={value}>{children}</RememberedZone>;
}

export function useDisplayZone(): DisplayZone {
  const { zone } = useContext(RememberedZone);
  return resolveDisplayZone(useSearchParams().get(TIME_ZONE_PARAM), zone);
}

/** Puts a zone in the URL (a new history entry, so Back returns) and remembers it for the next visit. */
export function useSetDisplayZone(): (timeZone: string) => void {
  const { remember } = useContext(RememberedZone);
  const [, setParam] = useQueryState(TIME_ZONE_PARAM, parseAsString.withOptions({ history: 'push' }));
  return useCallback(
    (timeZone: string) => {
      remember(timeZone);
      void setParam(timeZone);
    },
    [remember, setParam],
  );
}
