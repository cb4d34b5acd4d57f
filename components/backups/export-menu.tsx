'use client';

import { ChevronDown, FileDown } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { BackupsSearchParams } from '@/lib/backups/query-rules';
import { exportPath, type ExportFormat } from './backups-links';
import { buttonClass } from '@/components/ui/button';
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from '@/components/ui/menu';

const FORMATS: ExportFormat[] = ['csv', 'json'];

/**
 * Every row of the view (its filters and sort, all pages) as a file. Plain links: the server streams the
 * file as an attachment, so the page stays where it is.
 */
export function ExportMenu({
  instanceId,
  params,
}: {
  instanceId: string;
  params: BackupsSearchParams | null;
}) {
  const t = useTranslations('backups.export');
  return (
    <Menu>
      <MenuTrigger className={buttonClass('default', 'sm')} disabled={!params}>
        <FileDown aria-hidden className="h-4 w-4" />
        {t('label')}
        <ChevronDown aria-hidden className="h-4 w-4 opacity-60" />
      </MenuTrigger>
      <MenuContent align="end">
        <MenuLabel>{t('every')}</MenuLabel>
        <MenuSeparator />
        {params &&
          FORMATS.map((format) => (
            <MenuItem key={format} asChild>
              <a href={exportPath(instanceId, params, format)} download>
                {t(`formats.${format}`)}
              </a>
            </MenuItem>
          ))}
      </MenuContent>
    </Menu>
  );
}
