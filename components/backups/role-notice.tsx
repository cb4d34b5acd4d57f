'use client';

import { Info } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { Role } from '@/lib/auth/roles';
import { useDownloadBlockText } from './cells';

/** Said once above the backups, visibly: why this person's download buttons do nothing. */
export function RoleNotice({ role }: { role: Role }) {
  const blockText = useDownloadBlockText();
  const t = useTranslations('backups.download');
  return (
    <p className="flex items-start gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200">
      <Info aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
      <span>
        {blockText({ reason: 'role', role })} {t('askAdmin')}
      </span>
    </p>
  );
}
