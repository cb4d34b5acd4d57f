'use client';

import { Popover as RadixPopover } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/ui/cn';
import { focusTaking } from './lazy-parts';

// Radix popover parts with the console's look, as ./menu-parts does for menus. Loaded on first use by
// ./popover, which is what components import.

export const Root = RadixPopover.Root;

export const Trigger = focusTaking(RadixPopover.Trigger);

export function PopoverContent({ className, ...props }: ComponentProps<typeof RadixPopover.Content>) {
  return (
    <RadixPopover.Portal>
      <RadixPopover.Content
        align="start"
        sideOffset={4}
        collisionPadding={8}
        className={cn(
          'z-50 rounded-lg border border-slate-200 bg-white text-sm text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
          className,
        )}
        {...props}
      />
    </RadixPopover.Portal>
  );
}
