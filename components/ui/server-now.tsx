'use client';

import { createContext, type ReactNode } from 'react';

// The time the server rendered the page. Ages ("3 min ago") rendered on the server must read the same
// while the browser hydrates them, or React would find different text and throw the HTML away.

export const ServerNowContext = createContext<number | null>(null);

export function ServerNow({ value, children }: { value: number; children: ReactNode }) {
  return <ServerNowContext value={value}>{children}</ServerNowContext>;
}
