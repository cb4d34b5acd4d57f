'use client';

import { createColumnHelper } from '@tanstack/react-table';
import type { Backup } from '@/lib/aliyun/types';
import { downloadBlockReason } from './download-policy';
import { formatBytes, formatDuration, formatExactBytes } from '@/lib/ui/format';
import { formatDateTime } from '@/lib/ui/time-zone';
import { DataTableColumnHeader } from './data-table-column-header';
import { backupsTableFeatures, type BackupsTableMeta } from './data-table-features';
import { DownloadActions } from './download-actions';
import { SetActions, SetNodesToggle, SetStatusCell } from './set-cells';
import { StatusBadge } from './status-badge';

const helper = createColumnHelper<typeof backupsTableFeatures, Backup>();
const mono = 'font-mono text-xs';

/** The table's meta, which `useBackupsTable` always sets. */
function metaOf(table: { options: { meta?: BackupsTableMeta } }): BackupsTableMeta {
  const meta = table.options.meta;
  if (!meta) throw new Error('The backups table needs its meta');
  return meta;
}

// Column ids are the API's sort and filter names, so table state maps onto the URL one to one.
export const backupColumns = helper.columns([
  helper.accessor('status', {
    id: 'status',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Status" />,
    cell: ({ getValue, row }) =>
      row.original.set ? <SetStatusCell backup={row.original} /> : <StatusBadge status={getValue()} />,
    meta: { label: 'Status' },
  }),
  helper.accessor('startTime', {
    id: 'startTime',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Start time" />,
    cell: ({ getValue, table }) => (
      <time dateTime={getValue()} className="whitespace-nowrap tabular-nums">
        {formatDateTime(getValue(), metaOf(table).timeZone, true)}
      </time>
    ),
    sortDescFirst: true,
    meta: { label: 'Start time' },
  }),
  helper.accessor('durationSeconds', {
    id: 'duration',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Duration" align="end" />,
    cell: ({ getValue }) => <span className="tabular-nums">{formatDuration(getValue())}</span>,
    meta: { label: 'Duration', className: 'text-right' },
  }),
  helper.accessor('size', {
    id: 'size',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Size" align="end" />,
    cell: ({ getValue }) => (
      <span className="whitespace-nowrap tabular-nums" title={formatExactBytes(getValue())}>
        {formatBytes(getValue())}
      </span>
    ),
    sortDescFirst: true,
    meta: { label: 'Size', className: 'text-right' },
  }),
  helper.accessor('type', {
    id: 'type',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Type" />,
    meta: { label: 'Type' },
  }),
  helper.accessor('method', {
    id: 'method',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Method" />,
    meta: { label: 'Method' },
  }),
  helper.accessor('mode', {
    id: 'mode',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Mode" />,
    meta: { label: 'Mode' },
  }),
  helper.accessor('nodeInstanceId', {
    id: 'node',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Node" />,
    cell: ({ getValue, row, table }) =>
      row.original.set ? (
        <SetNodesToggle backup={row.original} meta={metaOf(table)} />
      ) : (
        <span className={`${mono} whitespace-nowrap`}>{getValue() ?? '—'}</span>
      ),
    meta: { label: 'Node' },
  }),
  helper.accessor('backupJobId', {
    id: 'jobId',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Job ID" />,
    cell: ({ getValue }) => <span className={mono}>{getValue() ?? '—'}</span>,
    meta: { label: 'Job ID' },
  }),
  helper.accessor('backupId', {
    id: 'backupId',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Backup ID" />,
    cell: ({ row, table }) => (
      <button
        type="button"
        className={`${mono} rounded text-blue-700 underline underline-offset-2 hover:text-blue-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300 dark:hover:text-blue-200`}
        aria-label={`Details of backup ${row.original.backupId}`}
        onClick={(e) => metaOf(table).showDetails(row.original, e.currentTarget)}
      >
        {row.original.backupId}
      </button>
    ),
    meta: { label: 'Backup ID' },
  }),
  helper.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    enableHiding: false,
    cell: ({ row, table }) => {
      const meta = metaOf(table);
      if (row.original.set) return <SetActions backup={row.original} meta={meta} />;
      return (
        <DownloadActions
          instanceId={meta.instanceId}
          backup={row.original}
          blockReason={downloadBlockReason(row.original, meta.role)}
          onShowDetails={(opener) => meta.showDetails(row.original, opener)}
        />
      );
    },
    meta: { label: 'Actions', className: 'text-right' },
  }),
]);
