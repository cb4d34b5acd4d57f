'use client';

import { useTranslations } from 'next-intl';
import type { Backup } from '@/lib/aliyun/types';
import { cn } from '@/lib/ui/cn';
import { useFormat } from '@/components/ui/use-format';
import { BackupIdButton, ExactBytes, FacetValue, NoValue, useDownloadBlockText } from './cells';
import { UPDATING_ROWS, type BackupsTable } from './data-table';
import { DownloadActions } from './download-actions';
import { VerificationCell } from '@/components/verify/verification-cell';
import { downloadBlock } from './download-policy';
import { StatusBadge } from './status-badge';

/**
 * The table's rows as cards, for screens under 640 px: status, time, size and node at a glance, and the
 * download action in reach without scrolling sideways.
 */
export function BackupCardList({
  table,
  caption,
  loading,
  className,
}: {
  table: BackupsTable;
  caption: string;
  loading: boolean;
  className?: string;
}) {
  return (
    <ul
      aria-label={caption}
      aria-busy={loading || undefined}
      className={cn('space-y-2', loading && UPDATING_ROWS, className)}
    >
      {table.getRowModel().rows.map((r) => (
        <BackupCard key={r.original.backupId} table={table} backup={r.original} />
      ))}
    </ul>
  );
}

function BackupCard({ table, backup: b }: { table: BackupsTable; backup: Backup }) {
  const columns = useTranslations('backups.columns');
  const f = useFormat();
  const blockText = useDownloadBlockText();
  const meta = table.options.meta!;
  const block = downloadBlock(b, meta.role);
  return (
    <li className="space-y-2 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700">
      <div className="flex items-center justify-between gap-2">
        <StatusBadge status={b.status} />
        <time dateTime={b.startTime} className="tabular-nums">
          {f.dateTime(b.startTime, true)}
        </time>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-slate-700 dark:text-slate-300">
        <dt>{columns('size')}</dt>
        <dd className="tabular-nums">
          <ExactBytes bytes={b.size}>{f.bytes(b.size)}</ExactBytes>
        </dd>
        <dt>{columns('node')}</dt>
        <dd className="min-w-0 font-mono text-xs break-all">{b.nodeInstanceId ?? <NoValue />}</dd>
        <dt>{columns('type')}</dt>
        <dd>
          <FacetValue facet="type" value={b.type} /> · <FacetValue facet="method" value={b.method} /> ·{' '}
          <FacetValue facet="mode" value={b.mode} />
        </dd>
        <dt>{columns('verification')}</dt>
        <dd>
          <VerificationCell backup={b} />
        </dd>
      </dl>
      <div className="flex items-center justify-between gap-2">
        <span className="min-w-0 truncate text-xs">
          {columns('backupId')}{' '}
          <BackupIdButton backupId={b.backupId} onClick={(opener) => meta.showDetails(b, opener)} />
        </span>
        <DownloadActions
          instanceId={meta.instanceId}
          backup={b}
          block={block}
          size="labelled"
          onShowDetails={(opener) => meta.showDetails(b, opener)}
        />
      </div>
      {block?.reason === 'status' && (
        <p className="text-xs text-slate-600 dark:text-slate-300">{blockText(block)}</p>
      )}
    </li>
  );
}
