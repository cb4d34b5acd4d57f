'use client';

import { Download, EllipsisVertical } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import type { Backup } from '@/lib/aliyun/types';
import { Button, buttonClass } from '@/components/ui/button';
import { Menu, MenuContent, MenuTrigger } from '@/components/ui/menu';
import { useNotify } from '@/components/ui/notifier';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { useDownloadBlockText } from './cells';
import { fetchDownloadLink, startDownload } from './download-link';
import type { DownloadBlock } from './download-policy';

// The menu's items (copying URLs, the wget command, Verify) load with the menu, not with the page.
const DownloadOptionsItems = dynamic(
  () => import('./download-options-items').then((m) => m.DownloadOptionsItems),
  { ssr: false },
);

/**
 * A backup's download button and its options menu. When there is nothing to get, the button stays
 * focusable and says why: as its description, and visibly when pressed (a touch has no tooltip).
 */
export function DownloadActions({
  instanceId,
  backup,
  block,
  onShowDetails,
  size = 'icon',
}: {
  instanceId: string;
  backup: Backup;
  block: DownloadBlock | null;
  onShowDetails: (opener: HTMLElement | null) => void;
  /** `labelled`: a button with its word, where there is room for it (the phone's cards). */
  size?: 'icon' | 'labelled';
}) {
  const t = useTranslations('backups.download');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const blockText = useDownloadBlockText();
  const menuButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  // The table and the phone's cards both render a row's actions: ids must differ.
  const reasonId = useId();
  const reason = block ? blockText(block) : null;

  async function download() {
    if (reason) return notify(reason);
    if (busy) return;
    setBusy(true);
    try {
      startDownload(await fetchDownloadLink(instanceId, backup.backupId, 'public', 'download'));
    } catch (err) {
      notify(t('failed', { backupId: backup.backupId, message: errorMessage(err) }), 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex items-center justify-end gap-1">
      {reason && (
        <span id={reasonId} className="sr-only">
          {reason}
        </span>
      )}
      <Button
        size={size === 'icon' ? 'icon' : 'sm'}
        variant={size === 'icon' ? 'ghost' : 'default'}
        aria-label={t('label', { backupId: backup.backupId })}
        aria-disabled={reason ? true : undefined}
        aria-describedby={reason ? reasonId : undefined}
        aria-busy={busy || undefined}
        title={reason ?? t('label', { backupId: backup.backupId })}
        onClick={download}
      >
        <Download aria-hidden className="h-4 w-4" />
        {size === 'labelled' && <span aria-hidden>{t('short')}</span>}
      </Button>
      <Menu>
        <MenuTrigger
          ref={menuButton}
          className={buttonClass('ghost', 'icon')}
          aria-label={t('options', { backupId: backup.backupId })}
        >
          <EllipsisVertical aria-hidden className="h-4 w-4" />
        </MenuTrigger>
        <MenuContent align="end">
          <DownloadOptionsItems
            instanceId={instanceId}
            backup={backup}
            reason={reason}
            onShowDetails={() => onShowDetails(menuButton.current)}
          />
        </MenuContent>
      </Menu>
    </div>
  );
}
