'use client';

import type { Column } from '@tanstack/react-table';
import { CirclePlus, LoaderCircle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { Backup } from '@/lib/aliyun/types';
import type { FacetName } from '@/lib/backups/facets';
import { cn } from '@/lib/ui/cn';
import { buttonClass } from '@/components/ui/button';
import {
  Menu,
  MenuContent,
  MenuCheckboxItem,
  MenuItem,
  MenuSeparator,
  MenuTrigger,
} from '@/components/ui/menu';
import { useFormat } from '@/components/ui/use-format';
import { useFacetValueText } from './cells';
import type { BackupsTableFeatures } from './data-table-features';

/**
 * One facet's menu: each value with its count over the whole range (from the API), checkable.
 * Names stay exactly the facet and the value; counts are shown but kept out of the accessible name.
 */
export function DataTableFacetedFilter({
  column,
  facet,
  values,
  counts,
  countsUpdating,
}: {
  column: Column<BackupsTableFeatures, Backup, unknown>;
  facet: FacetName;
  values: readonly string[];
  counts: Record<string, number> | undefined;
  countsUpdating: boolean;
}) {
  const t = useTranslations('backups.filter');
  const title = useTranslations('backups.columns')(facet);
  const valueText = useFacetValueText();
  const f = useFormat();
  const selected = (column.getFilterValue() as string[] | undefined) ?? [];
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...selected, value] : selected.filter((v) => v !== value);
    column.setFilterValue(next.length ? next : undefined);
  };

  return (
    <Menu>
      <MenuTrigger aria-label={title} className={buttonClass('outline', 'sm')}>
        <CirclePlus aria-hidden className="h-4 w-4" />
        <span aria-hidden>{title}</span>
        {selected.length > 0 && (
          <span
            aria-hidden
            className="ml-1 max-w-40 truncate rounded bg-slate-200 px-1.5 text-xs font-normal text-slate-900 dark:bg-slate-700 dark:text-slate-50"
          >
            {selected.length > 2
              ? t('selected', { count: selected.length })
              : selected.map((v) => valueText(facet, v)).join(', ')}
          </span>
        )}
      </MenuTrigger>
      <MenuContent
        align="start"
        aria-label={t('menu', { facet: title })}
        aria-busy={countsUpdating || undefined}
      >
        {countsUpdating && (
          <p className="flex items-center gap-1.5 px-2 py-1 text-xs font-medium text-blue-800 dark:text-blue-200">
            <LoaderCircle aria-hidden className="h-3.5 w-3.5 animate-spin" />
            {t('countsUpdating')}
          </p>
        )}
        {values.map((value) => (
          <MenuCheckboxItem
            key={value}
            checked={selected.includes(value)}
            onCheckedChange={(on) => toggle(value, on === true)}
            onSelect={(e) => e.preventDefault()}
          >
            <span className="flex-1 truncate">{valueText(facet, value)}</span>
            <span
              aria-hidden
              className={cn(
                'ml-4 font-mono text-xs text-slate-600 tabular-nums dark:text-slate-300',
                countsUpdating && 'line-through opacity-50',
              )}
            >
              {f.count(counts?.[value] ?? 0)}
            </span>
          </MenuCheckboxItem>
        ))}
        {values.length === 0 && (
          <p className="px-2 py-1.5 text-slate-600 dark:text-slate-300">{t('noValues')}</p>
        )}
        {selected.length > 0 && (
          <>
            <MenuSeparator />
            <MenuItem onSelect={() => column.setFilterValue(undefined)} className="justify-center">
              {t('clear', { facet: title })}
            </MenuItem>
          </>
        )}
      </MenuContent>
    </Menu>
  );
}
