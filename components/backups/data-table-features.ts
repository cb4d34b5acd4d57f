import {
  columnFilteringFeature,
  columnVisibilityFeature,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { Backup } from '@/lib/aliyun/types';
import type { Role } from '@/lib/auth/roles';
import type { Formatter } from '@/lib/format/formatter';

// Only what the backups table uses. The server filters, sorts and pages, so no client row models.

export interface BackupsTableMeta {
  instanceId: string;
  role: Role;
  /** Numbers, sizes and times in the reader's locale and display zone. */
  format: Formatter;
  /** Opens the details panel; focus goes back to `opener` when it closes. */
  showDetails: (backup: Backup, opener: HTMLElement | null) => void;
  /** Cloud-native backup sets whose nodes are shown. */
  expandedSets: ReadonlySet<string>;
  toggleSet: (setId: string) => void;
  /** Opens the download-all script of a job or set. */
  downloadJob: (jobId: string, opener: HTMLElement) => void;
}

export interface BackupsColumnMeta {
  className?: string;
}

export const backupsTableFeatures = tableFeatures({
  columnFilteringFeature,
  rowSortingFeature,
  columnVisibilityFeature,
  rowPaginationFeature,
  tableMeta: metaHelper<BackupsTableMeta>(),
  columnMeta: metaHelper<BackupsColumnMeta>(),
});

export type BackupsTableFeatures = typeof backupsTableFeatures;
