'use client';

import { useContext, useSyncExternalStore } from 'react';
import { ServerNowContext } from './server-now';

// The current time, shared by every component that shows an age, ticking while any of them is mounted.

const TICK_MS = 10_000;
let now = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function tick() {
  now = Date.now();
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    // React reads the snapshot again after subscribing, so the first render's value is corrected at once.
    now = Date.now();
    timer = setInterval(tick, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

// Stable between calls (React compares two reads), fresh enough when nothing is subscribed yet.
function snapshot(): number {
  if (!timer && Date.now() - now > TICK_MS) now = Date.now();
  return now;
}

/**
 * Milliseconds since the epoch, at most 10 seconds old. Under <ServerNow> the server's render time is used
 * on the server and while hydrating, so both render the same text; the real time follows at once.
 */
export function useNow(): number {
  const rendered = useContext(ServerNowContext);
  return useSyncExternalStore(subscribe, snapshot, () => rendered ?? snapshot());
}
