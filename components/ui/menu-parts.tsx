'use client';

import { DropdownMenu } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/ui/cn';
import { focusTaking } from './lazy-parts';

// Radix dropdown menu parts with the console's look; behaviour and ARIA are Radix's. Loaded on first use
// by ./menu, which is what components import.

export const Root = DropdownMenu.Root;

export const Trigger = focusTaking(DropdownMenu.Trigger);

export function MenuContent({ className, ...props }: ComponentProps<typeof DropdownMenu.Content>) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
        sideOffset={4}
        collisionPadding={8}
        className={cn(
          'z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] min-w-44 overflow-y-auto rounded-md border border-slate-200 bg-white p-1 text-sm text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
          className,
        )}
        {...props}
      />
    </DropdownMenu.Portal>
  );
}

const item =
  'relative flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none select-none data-[disabled]:opacity-60 data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800';

export function MenuItem({ className, ...props }: ComponentProps<typeof DropdownMenu.Item>) {
  return <DropdownMenu.Item className={cn(item, className)} {...props} />;
}

export function MenuCheckboxItem({
  className,
  children,
  ...props
}: ComponentProps<typeof DropdownMenu.CheckboxItem>) {
  return (
    <DropdownMenu.CheckboxItem className={cn(item, 'pl-7', className)} {...props}>
      <span
        aria-hidden
        className="absolute left-2 flex h-3.5 w-3.5 items-center justify-center rounded-sm border border-slate-500 dark:border-slate-400"
      >
        <DropdownMenu.ItemIndicator className="h-2 w-2 rounded-[1px] bg-blue-700 dark:bg-blue-400" />
      </span>
      {children}
    </DropdownMenu.CheckboxItem>
  );
}

export function MenuRadioGroup(props: ComponentProps<typeof DropdownMenu.RadioGroup>) {
  return <DropdownMenu.RadioGroup {...props} />;
}

export function MenuRadioItem({
  className,
  children,
  ...props
}: ComponentProps<typeof DropdownMenu.RadioItem>) {
  return (
    <DropdownMenu.RadioItem className={cn(item, 'pl-7', className)} {...props}>
      <span aria-hidden className="absolute left-2 flex h-3.5 w-3.5 items-center justify-center">
        <DropdownMenu.ItemIndicator className="h-2 w-2 rounded-full bg-blue-700 dark:bg-blue-400" />
      </span>
      {children}
    </DropdownMenu.RadioItem>
  );
}

export function MenuLabel({ className, ...props }: ComponentProps<typeof DropdownMenu.Label>) {
  return (
    <DropdownMenu.Label
      className={cn('px-2 py-1 text-xs font-semibold text-slate-600 dark:text-slate-300', className)}
      {...props}
    />
  );
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />;
}
