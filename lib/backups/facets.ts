import { BACKUP_METHODS, BACKUP_MODES, BACKUP_STATUSES, BACKUP_TYPES } from '@/lib/aliyun/types';
import { SET_STATUSES } from './status-rules';

// Each facet once: its name (the URL and API parameter, and the index column), the values a filter
// may take (null: any node id), and how the model holds it.

export const FACETS = {
  // A cloud-native set can also be incomplete (a node without a file) or still running.
  status: { values: [...BACKUP_STATUSES, ...SET_STATUSES], label: 'Status' },
  // IncrementalBackup is an AOF log backup: listed for instances with flashback on (DescribeBackups NeedAof=1).
  type: { values: BACKUP_TYPES, label: 'Type' },
  mode: { values: BACKUP_MODES, label: 'Mode' },
  method: { values: BACKUP_METHODS, label: 'Method' },
  node: { values: null, label: 'Node' },
} as const;

export type FacetName = keyof typeof FACETS;
export const FACET_NAMES = Object.keys(FACETS) as FacetName[];

/** Per facet, the count of backups for each value over the whole range. */
export type Facets = Record<FacetName, Record<string, number>>;

export function emptyFacets(): Facets {
  return { status: {}, type: {}, mode: {}, method: {}, node: {} };
}

/** The Type value of log (AOF) backups, which make a flashback window restorable to any point. */
export const LOG_BACKUP_TYPE: (typeof BACKUP_TYPES)[number] = 'IncrementalBackup';
