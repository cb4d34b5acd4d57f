'use client';

import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Dialog } from 'radix-ui';
import { useEffect, useRef, type ReactNode } from 'react';
import { cn } from '@/lib/ui/cn';
import { buttonClass } from './button';

// A Radix dialog, as a side sheet (`side`) or a centred dialog. Opened from state rather than a Trigger,
// so the opener is passed in: closing returns focus there, as it would to a Trigger.

export function Sheet({
  open,
  onOpenChange,
  title,
  description,
  children,
  variant = 'side',
  returnFocusTo,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  variant?: 'side' | 'center';
  returnFocusTo?: HTMLElement | null;
}) {
  const t = useTranslations('common');
  // The opener outlives the open state: closing clears what the dialog shows, focus still goes back.
  const opener = useRef(returnFocusTo);
  useEffect(() => {
    if (returnFocusTo) opener.current = returnFocusTo;
  }, [returnFocusTo]);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-950/50" />
        <Dialog.Content
          onCloseAutoFocus={(e) => {
            if (!opener.current?.isConnected) return;
            e.preventDefault();
            opener.current.focus();
          }}
          className={cn(
            'fixed z-50 flex flex-col overflow-hidden border-slate-200 bg-white text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
            variant === 'side'
              ? 'inset-y-0 right-0 w-full max-w-lg border-l'
              : 'top-1/2 left-1/2 max-h-[90vh] w-[calc(100vw-1.5rem)] max-w-2xl -translate-x-1/2 -translate-y-1/2 rounded-lg border',
          )}
        >
          <div className="flex items-start justify-between gap-3 border-b border-slate-200 p-4 dark:border-slate-700">
            <div className="min-w-0">
              <Dialog.Title className="text-lg font-semibold break-words">{title}</Dialog.Title>
              {description ? (
                <Dialog.Description className="mt-1 text-sm text-slate-600 dark:text-slate-300">
                  {description}
                </Dialog.Description>
              ) : (
                <Dialog.Description className="sr-only">{t('details')}</Dialog.Description>
              )}
            </div>
            <Dialog.Close className={buttonClass('ghost', 'icon')} aria-label={t('close')}>
              <X aria-hidden className="h-4 w-4" />
            </Dialog.Close>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto p-4">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
