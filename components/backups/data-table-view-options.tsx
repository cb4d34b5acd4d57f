'use client';

import type { ReactTable } from '@tanstack/react-table';
import { Settings2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { Backup } from '@/lib/aliyun/types';
import { buttonClass } from '@/components/ui/button';
import {
  Menu,
  MenuCheckboxItem,
  MenuContent,
  MenuLabel,
  MenuSeparator,
  MenuTrigger,
} from '@/components/ui/menu';
import type { BackupsTableFeatures } from './data-table-features';

export function DataTableViewOptions({ table }: { table: ReactTable<BackupsTableFeatures, Backup> }) {
  const t = useTranslations('backups.columns');
  return (
    <Menu>
      <MenuTrigger className={buttonClass('default', 'sm')}>
        <Settings2 aria-hidden className="h-4 w-4" />
        {t('menu')}
      </MenuTrigger>
      <MenuContent align="end">
        <MenuLabel>{t('show')}</MenuLabel>
        <MenuSeparator />
        {table
          .getAllLeafColumns()
          .filter((column) => column.getCanHide())
          .map((column) => (
            <MenuCheckboxItem
              key={column.id}
              checked={column.getIsVisible()}
              onCheckedChange={(on) => column.toggleVisibility(on === true)}
              onSelect={(e) => e.preventDefault()}
            >
              {t(column.id)}
            </MenuCheckboxItem>
          ))}
      </MenuContent>
    </Menu>
  );
}
