'use client';

import { createColumnHelper } from '@tanstack/react-table';
import type { Backup } from '@/lib/aliyun/types';
import { DataTableColumnHeader } from './data-table-column-header';
import { backupsTableFeatures, type BackupsTableMeta } from './data-table-features';
import { DownloadActions } from './download-actions';
import { downloadBlock } from './download-policy';
import { BackupIdButton, ExactBytes, FacetValue, NoValue } from './cells';
import { SetActions, SetNodesToggle, SetStatusCell } from './set-cells-lazy';
import { StatusBadge } from './status-badge';
import { VerificationCell } from '@/components/verify/verification-cell';

const helper = createColumnHelper<typeof backupsTableFeatures, Backup>();
const mono = 'font-mono text-xs';

/** The table's meta, which `useBackupsTable` always sets. */
function metaOf(table: { options: { meta?: BackupsTableMeta } }): BackupsTableMeta {
  const meta = table.options.meta;
  if (!meta) throw new Error('The backups table needs its meta');
  return meta;
}

// Column ids are the API's sort and filter names, so table state maps onto the URL one to one; they are
// also the keys of the column names (`backups.columns.*`).
export const backupColumns = helper.columns([
  helper.accessor('status', {
    id: 'status',
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ getValue, row }) =>
      row.original.set ? <SetStatusCell backup={row.original} /> : <StatusBadge status={getValue()} />,
  }),
  helper.accessor('startTime', {
    id: 'startTime',
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ getValue, table }) => (
      <time dateTime={getValue()} className="whitespace-nowrap tabular-nums">
        {metaOf(table).format.dateTime(getValue(), true)}
      </time>
    ),
    sortDescFirst: true,
  }),
  helper.accessor('durationSeconds', {
    id: 'duration',
    header: ({ column }) => <DataTableColumnHeader column={column} align="end" />,
    cell: ({ getValue, table }) => {
      const seconds = getValue();
      return seconds === null ? (
        <NoValue />
      ) : (
        <span className="tabular-nums">{metaOf(table).format.duration(seconds)}</span>
      );
    },
    meta: { className: 'text-right' },
  }),
  helper.accessor('size', {
    id: 'size',
    header: ({ column }) => <DataTableColumnHeader column={column} align="end" />,
    cell: ({ getValue, table }) => (
      <ExactBytes bytes={getValue()} className="whitespace-nowrap tabular-nums">
        {metaOf(table).format.bytes(getValue())}
      </ExactBytes>
    ),
    sortDescFirst: true,
    meta: { className: 'text-right' },
  }),
  helper.accessor('type', {
    id: 'type',
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ getValue }) => <FacetValue facet="type" value={getValue()} />,
  }),
  helper.accessor('method', {
    id: 'method',
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ getValue }) => <FacetValue facet="method" value={getValue()} />,
  }),
  helper.accessor('mode', {
    id: 'mode',
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ getValue }) => <FacetValue facet="mode" value={getValue()} />,
  }),
  helper.accessor('nodeInstanceId', {
    id: 'node',
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ getValue, row, table }) =>
      row.original.set ? (
        <SetNodesToggle backup={row.original} meta={metaOf(table)} />
      ) : (
        <span className={`${mono} whitespace-nowrap`}>{getValue() ?? <NoValue />}</span>
      ),
  }),
  helper.accessor('backupJobId', {
    id: 'jobId',
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ getValue }) => <span className={mono}>{getValue() ?? <NoValue />}</span>,
  }),
  helper.accessor('backupId', {
    id: 'backupId',
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ row, table }) => (
      <BackupIdButton
        backupId={row.original.backupId}
        onClick={(opener) => metaOf(table).showDetails(row.original, opener)}
      />
    ),
  }),
  helper.display({
    id: 'verification',
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ row }) => <VerificationCell backup={row.original} />,
  }),
  helper.display({
    id: 'actions',
    header: ({ column }) => <DataTableColumnHeader column={column} hidden />,
    enableHiding: false,
    cell: ({ row, table }) => {
      const meta = metaOf(table);
      if (row.original.set) return <SetActions backup={row.original} meta={meta} />;
      return (
        <DownloadActions
          instanceId={meta.instanceId}
          backup={row.original}
          block={downloadBlock(row.original, meta.role)}
          onShowDetails={(opener) => meta.showDetails(row.original, opener)}
        />
      );
    },
    meta: { className: 'text-right' },
  }),
]);
