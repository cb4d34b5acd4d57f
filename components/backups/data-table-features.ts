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
import type { TimeZoneMode } from '@/lib/ui/time-zone';

// Only what the backups table uses. The server filters, sorts and pages, so no client row models.

export interface BackupsTableMeta {
  instanceId: string;
  role: Role;
  timeZone: TimeZoneMode;
  /** Opens the details panel; focus goes back to `opener` when it closes. */
  showDetails: (backup: Backup, opener: HTMLElement | null) => void;
  /** Cloud-native backup sets whose nodes are shown. */
  expandedSets: ReadonlySet<string>;
  toggleSet: (setId: string) => void;
  /** Opens the download-all script of a job or set. */
  downloadJob: (jobId: string, opener: HTMLElement) => void;
}

export interface BackupsColumnMeta {
  /** The column's name in menus, where the header is not plain text. */
  label: string;
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
