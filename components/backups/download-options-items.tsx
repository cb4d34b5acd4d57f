'use client';

import { Copy, FileText, Terminal } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { MenuItem, MenuSeparator } from '@/components/ui/menu';
import { useNotify } from '@/components/ui/notifier';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { VerifyMenuItem } from '@/components/verify/verify-menu-item';
import type { Backup } from '@/lib/aliyun/types';
import { copyText, fetchDownloadLink } from './download-link';
import { wgetCommand } from '@/lib/backups/shell-script';

type CopyKind = 'public' | 'intranet' | 'wget';

/** A backup's download options: its details, Verify, and a fresh URL or wget command to copy. */
export function DownloadOptionsItems({
  instanceId,
  backup,
  reason,
  onShowDetails,
}: {
  instanceId: string;
  backup: Backup;
  /** Why nothing can be copied, shown at the top, or null. */
  reason: string | null;
  onShowDetails: () => void;
}) {
  const t = useTranslations('backups.download');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const { backupId } = backup;

  async function copy(kind: CopyKind) {
    try {
      const link = await fetchDownloadLink(instanceId, backupId, kind === 'intranet' ? 'intranet' : 'public');
      await copyText(kind === 'wget' ? wgetCommand(link.fileName, link.url) : link.url);
      notify(t(`copied.${kind}`));
    } catch (err) {
      notify(t('copyFailed', { message: errorMessage(err) }), 'error');
    }
  }

  return (
    <>
      <MenuItem onSelect={onShowDetails}>
        <FileText aria-hidden className="h-4 w-4" />
        {t('details')}
      </MenuItem>
      <VerifyMenuItem backup={backup} />
      <MenuSeparator />
      {reason && <p className="max-w-64 px-2 py-1 text-xs text-slate-600 dark:text-slate-300">{reason}</p>}
      <MenuItem disabled={Boolean(reason)} onSelect={() => void copy('public')}>
        <Copy aria-hidden className="h-4 w-4" />
        {t('copyPublic')}
      </MenuItem>
      <MenuItem disabled={Boolean(reason)} onSelect={() => void copy('intranet')}>
        <Copy aria-hidden className="h-4 w-4" />
        {t('copyIntranet')}
      </MenuItem>
      <MenuItem disabled={Boolean(reason)} onSelect={() => void copy('wget')}>
        <Terminal aria-hidden className="h-4 w-4" />
        {t('copyWget')}
      </MenuItem>
    </>
  );
}
