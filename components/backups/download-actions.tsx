'use client';

import { Copy, Download, EllipsisVertical, FileText, Terminal } from 'lucide-react';
import { useRef, useState } from 'react';
import type { Backup } from '@/lib/aliyun/types';
import { errorMessage } from '@/lib/api/error-message';
import { wgetCommand } from '@/lib/backups/shell-script';
import { Button, buttonClass } from '@/components/ui/button';
import { Menu, MenuContent, MenuItem, MenuSeparator, MenuTrigger } from '@/components/ui/menu';
import { useNotify } from '@/components/ui/notifier';
import { copyText, fetchDownloadLink, startDownload } from './download-link';

type CopyKind = 'public' | 'intranet' | 'wget';

const copied: Record<CopyKind, string> = {
  public: 'Copied the public URL',
  intranet: 'Copied the intranet URL (works from ECS in the same region)',
  wget: 'Copied the wget command',
};

/** A row's download button and its options menu; disabled, with the reason, when there is nothing to get. */
export function DownloadActions({
  instanceId,
  backup,
  blockReason,
  onShowDetails,
}: {
  instanceId: string;
  backup: Backup;
  blockReason: string | null;
  onShowDetails: (opener: HTMLElement | null) => void;
}) {
  const notify = useNotify();
  const menuButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const reasonId = `download-reason-${backup.backupId}`;

  async function download() {
    if (blockReason || busy) return;
    setBusy(true);
    try {
      startDownload(await fetchDownloadLink(instanceId, backup.backupId, 'public', 'download'));
    } catch (err) {
      notify(`Could not download backup ${backup.backupId}: ${errorMessage(err)}`, 'error');
    } finally {
      setBusy(false);
    }
  }

  async function copy(kind: CopyKind) {
    try {
      const link = await fetchDownloadLink(
        instanceId,
        backup.backupId,
        kind === 'intranet' ? 'intranet' : 'public',
      );
      await copyText(kind === 'wget' ? wgetCommand(link.fileName, link.url) : link.url);
      notify(copied[kind]);
    } catch (err) {
      notify(`Could not copy: ${errorMessage(err)}`, 'error');
    }
  }

  return (
    <div className="flex items-center justify-end gap-1">
      {blockReason && (
        <span id={reasonId} className="sr-only">
          {blockReason}
        </span>
      )}
      <Button
        size="icon"
        variant="ghost"
        aria-label={`Download backup ${backup.backupId}`}
        aria-disabled={blockReason ? true : undefined}
        aria-describedby={blockReason ? reasonId : undefined}
        aria-busy={busy || undefined}
        title={blockReason ?? `Download ${backup.backupId}`}
        onClick={download}
      >
        <Download aria-hidden className="h-4 w-4" />
      </Button>
      <Menu>
        <MenuTrigger
          ref={menuButton}
          className={buttonClass('ghost', 'icon')}
          aria-label={`Download options for backup ${backup.backupId}`}
        >
          <EllipsisVertical aria-hidden className="h-4 w-4" />
        </MenuTrigger>
        <MenuContent align="end">
          <MenuItem onSelect={() => onShowDetails(menuButton.current)}>
            <FileText aria-hidden className="h-4 w-4" />
            Details
          </MenuItem>
          <MenuSeparator />
          {blockReason && (
            <p className="max-w-64 px-2 py-1 text-xs text-slate-600 dark:text-slate-300">{blockReason}</p>
          )}
          <MenuItem disabled={Boolean(blockReason)} onSelect={() => void copy('public')}>
            <Copy aria-hidden className="h-4 w-4" />
            Copy public URL
          </MenuItem>
          <MenuItem disabled={Boolean(blockReason)} onSelect={() => void copy('intranet')}>
            <Copy aria-hidden className="h-4 w-4" />
            Copy intranet URL
          </MenuItem>
          <MenuItem disabled={Boolean(blockReason)} onSelect={() => void copy('wget')}>
            <Terminal aria-hidden className="h-4 w-4" />
            Copy wget command
          </MenuItem>
        </MenuContent>
      </Menu>
    </div>
  );
}
