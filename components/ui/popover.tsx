'use client';

import {
  createContext,
  forwardRef,
  useContext,
  useEffect,
  useMemo,
  type ComponentProps,
  type ReactNode,
} from 'react';
import { lazyParts, standInHandlers, useFocusHandOver, type FocusHandOver } from './lazy-parts';

// The console's popovers (always controlled). As ./menu does for menus, Radix (./popover-parts) loads when
// a person first reaches for one; until then the trigger is a plain button, and opening waits for Radix.

const parts = lazyParts(() => import('./popover-parts'));
type Parts = NonNullable<ReturnType<typeof parts.use>>;

interface PopoverState extends FocusHandOver {
  /** Starts loading Radix; `open` opens the popover once loaded. */
  activate: (open: boolean) => void;
}

const PopoverContext = createContext<PopoverState | null>(null);

export function Popover({
  open,
  onOpenChange,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}) {
  const Radix = parts.use();
  const handOver = useFocusHandOver();
  // Opened from elsewhere (a shortcut) before Radix is here: load it, and it opens.
  useEffect(() => {
    if (open && !Radix) void parts.load();
  }, [open, Radix]);
  const state = useMemo(
    () => ({
      ...handOver,
      activate: (openIt: boolean) => void parts.load().then(() => openIt && onOpenChange(true)),
    }),
    [handOver, onOpenChange],
  );
  return (
    <PopoverContext value={state}>
      {Radix ? (
        <Radix.Root open={open} onOpenChange={onOpenChange}>
          {children}
        </Radix.Root>
      ) : (
        children
      )}
    </PopoverContext>
  );
}

export const PopoverTrigger = forwardRef<HTMLButtonElement, ComponentProps<'button'>>(
  function PopoverTrigger(props, ref) {
    const Radix = parts.use();
    const popover = useContext(PopoverContext);
    if (!popover) throw new Error('PopoverTrigger belongs inside <Popover>');
    if (Radix) return <Radix.Trigger ref={ref} takeFocus={popover.takeFocus} {...props} />;
    return (
      <button
        ref={ref}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={false}
        data-state="closed"
        {...props}
        {...standInHandlers(popover, popover.activate)}
        onClick={() => popover.activate(true)}
      />
    );
  },
);

export function PopoverContent(props: ComponentProps<Parts['PopoverContent']>) {
  const Radix = parts.use();
  return Radix ? <Radix.PopoverContent {...props} /> : null;
}
