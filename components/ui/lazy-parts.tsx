'use client';

import {
  forwardRef,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useSyncExternalStore,
  type ButtonHTMLAttributes,
  type ComponentType,
  type RefAttributes,
} from 'react';

// A module of UI parts loaded on first use (a menu's or a popover's Radix implementation), shared by every
// component that shows it: all of them switch to it together once it is there. Until then a plain
// stand-in trigger takes the pointer and the focus, and hands the focus over to the real one.

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

/** Whether the stand-in had focus when the real trigger replaced it; asking clears it. */
export interface FocusHandOver {
  focused: (on: boolean) => void;
  takeFocus: () => boolean;
}

export function useFocusHandOver(): FocusHandOver {
  const had = useRef(false);
  return useMemo(
    () => ({
      focused: (on: boolean) => void (had.current = on),
      takeFocus: () => {
        const was = had.current;
        had.current = false;
        return was;
      },
    }),
    [],
  );
}

/** The stand-in's handlers: a pointer over it or focus on it starts loading; focus is remembered. */
export function standInHandlers(
  handOver: FocusHandOver,
  activate: (open: boolean) => void,
): ButtonHTMLAttributes<HTMLButtonElement> {
  return {
    onPointerEnter: () => activate(false),
    onFocus: () => {
      handOver.focused(true);
      activate(false);
    },
    onBlur: () => handOver.focused(false),
  };
}

/** A Radix trigger that, when it replaces a focused stand-in, takes the focus. */
export function focusTaking<P extends object>(Trigger: ComponentType<P & RefAttributes<HTMLButtonElement>>) {
  return forwardRef<HTMLButtonElement, P & { takeFocus: () => boolean }>(function FocusTaking(
    { takeFocus, ...props },
    ref,
  ) {
    const own = useRef<HTMLButtonElement>(null);
    useImperativeHandle(ref, () => own.current!);
    useEffect(() => {
      if (takeFocus()) own.current?.focus();
      // Once, when this trigger replaces the stand-in.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, []);
    return <Trigger ref={own} {...(props as P)} />;
  });
}
