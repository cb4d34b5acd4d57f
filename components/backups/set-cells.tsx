'use client';

import { ChevronDown, ChevronRight, FileDown } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { Backup } from '@/lib/aliyun/types';
import { Button } from '@/components/ui/button';
import { useNotify } from '@/components/ui/notifier';
import { ExactBytes, NoValue, useDownloadBlockText } from './cells';
import type { BackupsTableMeta } from './data-table-features';
import { downloadBlock, setDownloadBlock } from './download-policy';
import { DownloadActions } from './download-actions';
import { StatusBadge } from './status-badge';
import { VerificationCell } from '@/components/verify/verification-cell';
import { VerifyProvider } from '@/components/verify/verify-context';

// A cloud-native cluster's backup set in the table: its status with the nodes it lacks, a toggle that
// shows its nodes below it, each downloadable, and one script for the whole set.

export function SetStatusCell({ backup }: { backup: Backup }) {
  const t = useTranslations('kinds.set');
  const set = backup.set;
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <StatusBadge status={backup.status} />
      {set && set.unavailable > 0 && (
        <span className="text-xs whitespace-nowrap text-amber-800 dark:text-amber-200">
          {t('incomplete', { unavailable: set.unavailable, nodes: set.nodes })}
        </span>
      )}
    </span>
  );
}

export function SetNodesToggle({ backup, meta }: { backup: Backup; meta: BackupsTableMeta }) {
  const t = useTranslations('kinds.set');
  const open = meta.expandedSets.has(backup.backupId);
  const Chevron = open ? ChevronDown : ChevronRight;
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-label={t('toggle', { id: backup.backupId })}
      onClick={() => meta.toggleSet(backup.backupId)}
      className="inline-flex items-center gap-1 rounded text-sm whitespace-nowrap focus-visible:outline-2 focus-visible:outline-blue-600"
    >
      <Chevron aria-hidden className="h-4 w-4" />
      {t('nodes', { nodes: backup.set?.nodes ?? 0 })}
    </button>
  );
}

/** "Download all nodes": when it can't, it stays focusable and says why, as the single downloads do. */
export function SetActions({ backup, meta }: { backup: Backup; meta: BackupsTableMeta }) {
  const t = useTranslations('kinds.set');
  const notify = useNotify();
  const blockText = useDownloadBlockText();
  const block = setDownloadBlock(backup, meta.role);
  const reason = block ? blockText(block) : null;
  const reasonId = `set-download-reason-${backup.backupId}`;
  return (
    <div className="flex justify-end">
      {reason && (
        <span id={reasonId} className="sr-only">
          {reason}
        </span>
      )}
      <Button
        size="sm"
        aria-disabled={reason ? true : undefined}
        aria-describedby={reason ? reasonId : undefined}
        title={reason ?? undefined}
        onClick={(e) => (reason ? notify(reason) : meta.downloadJob(backup.backupId, e.currentTarget))}
      >
        <FileDown aria-hidden className="h-4 w-4" />
        {t('download')}
        <span className="sr-only"> {t('downloadOf', { id: backup.backupId })}</span>
      </Button>
    </div>
  );
}

/** A set's nodes or a job's shards: node, status, size, times, and each one's download actions. */
export function NodeTable({
  caption,
  backups,
  meta,
}: {
  caption: string;
  backups: readonly Backup[];
  meta: BackupsTableMeta;
}) {
  const t = useTranslations('kinds.set');
  const columns = useTranslations('backups.columns');
  const f = meta.format;
  const cell = 'px-3 py-1.5 align-middle';
  return (
    // The nodes' verifications, asked for together (the page's own rows are the set or job rows).
    <VerifyProvider instanceId={meta.instanceId} role={meta.role} backups={backups}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-slate-600 dark:text-slate-300">
          <tr>
            {[t('node'), t('status'), t('size'), t('start'), t('end'), columns('verification')].map((h) => (
              <th key={h} scope="col" className={`${cell} font-medium`}>
                {h}
              </th>
            ))}
            <th scope="col" className={cell}>
              <span className="sr-only">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((node) => (
            <tr key={node.backupId} className="border-t border-slate-200 dark:border-slate-700">
              <td className={`${cell} font-mono text-xs whitespace-nowrap`}>
                {node.nodeInstanceId ?? <NoValue />}
              </td>
              <td className={cell}>
                <StatusBadge status={node.status} />
              </td>
              <td className={cell}>
                <ExactBytes bytes={node.size} className="whitespace-nowrap tabular-nums">
                  {f.bytes(node.size)}
                </ExactBytes>
              </td>
              <td className={`${cell} whitespace-nowrap tabular-nums`}>
                <time dateTime={node.startTime}>{f.dateTime(node.startTime, true)}</time>
              </td>
              <td className={`${cell} whitespace-nowrap tabular-nums`}>
                {node.endTime ? (
                  <time dateTime={node.endTime}>{f.dateTime(node.endTime, true)}</time>
                ) : (
                  <NoValue />
                )}
              </td>
              <td className={cell}>
                <VerificationCell backup={node} />
              </td>
              <td className={cell}>
                <DownloadActions
                  instanceId={meta.instanceId}
                  backup={node}
                  block={downloadBlock(node, meta.role)}
                  onShowDetails={(opener) => meta.showDetails(node, opener)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </VerifyProvider>
  );
}

/** The set's nodes, in a row of their own below the set. */
export function SetNodeRows({
  backup,
  meta,
  columnCount,
}: {
  backup: Backup;
  meta: BackupsTableMeta;
  columnCount: number;
}) {
  const t = useTranslations('kinds.set');
  return (
    <tr className="border-b border-slate-200 bg-slate-50/60 dark:border-slate-700 dark:bg-slate-900/60">
      <td colSpan={columnCount} className="py-2 pr-3 pl-8">
        <NodeTable caption={t('caption', { id: backup.backupId })} backups={backup.nodes ?? []} meta={meta} />
      </td>
    </tr>
  );
}
