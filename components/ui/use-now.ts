'use client';

import { useSyncExternalStore } from 'react';

// The current time, shared by every component that shows an age, ticking while any of them is mounted.

const TICK_MS = 30_000;
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

/** Milliseconds since the epoch, at most 30 seconds old. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
