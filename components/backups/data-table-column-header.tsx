'use client';

import type { Column } from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { Backup } from '@/lib/aliyun/types';
import { cn } from '@/lib/ui/cn';
import type { BackupsTableFeatures } from './data-table-features';

/**
 * A column's name (`backups.columns.<id>`), sortable when the column is: a click sorts in the column's
 * first direction, the next reverses; the `<th>` carries aria-sort.
 */
export function DataTableColumnHeader<TValue>({
  column,
  align = 'start',
  hidden = false,
}: {
  column: Column<BackupsTableFeatures, Backup, TValue>;
  align?: 'start' | 'end';
  /** Named for screen readers only (the actions column). */
  hidden?: boolean;
}) {
  const t = useTranslations('backups.columns');
  const title = t(column.id);
  if (hidden) return <span className="sr-only">{title}</span>;
  if (!column.getCanSort()) return <span>{title}</span>;
  const sorted = column.getIsSorted();
  const Icon = sorted === 'asc' ? ArrowUp : sorted === 'desc' ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      // "Sort by …" keeps these apart from the filter buttons named Status, Type, Mode, Method and Node.
      aria-label={t('sortBy', { column: title })}
      onClick={() => column.toggleSorting()}
      className={cn(
        '-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-1 font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-800 dark:focus-visible:outline-blue-400',
        align === 'end' && 'flex-row-reverse',
      )}
    >
      {title}
      <Icon aria-hidden className={cn('h-3.5 w-3.5', sorted ? 'opacity-100' : 'opacity-50')} />
    </button>
  );
}
