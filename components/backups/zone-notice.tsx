'use client';

import dynamic from 'next/dynamic';
import { useDisplayZone } from '@/components/ui/display-zone';

// Rare (a hand-edited link): the alert's code loads only when there is one to show.
const InvalidZoneAlert = dynamic(() => import('./invalid-zone-alert').then((m) => m.InvalidZoneAlert));

/** A `tz=` in the link that is no time zone: said, with the zone used instead, and a way to drop it. */
export function ZoneNotice() {
  const { invalid, timeZone } = useDisplayZone();
  return invalid ? <InvalidZoneAlert invalid={invalid} timeZone={timeZone} /> : null;
}
