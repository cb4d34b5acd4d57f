'use client';

import { useEffect, useSyncExternalStore, type RefObject } from 'react';

// A module of UI parts loaded on first use (a menu's or a popover's Radix implementation), shared by every
// component that shows it: all of them switch to it together once it is there.

export interface LazyParts<T> {
  load(): Promise<T>;
  /** The module once loaded; null before, and always while rendering on the server or hydrating. */
  use(): T | null;
}

export function lazyParts<T>(importer: () => Promise<T>): LazyParts<T> {
  let value: T | null = null;
  let pending: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    load() {
      pending ??= importer().then((module) => {
        value = module;
        listeners.forEach((l) => l());
        return module;
      });
      return pending;
    },
    use() {
      return useSyncExternalStore(
        subscribe,
        () => value,
        () => null,
      );
    },
  };
}

/** A trigger rendered once its parts are loaded takes the focus its plain stand-in had. */
export function useTakeFocus(takeFocus: () => boolean, element: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (takeFocus()) element.current?.focus();
    // Once, when this trigger replaces the stand-in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
