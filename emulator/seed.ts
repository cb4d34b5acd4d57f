import {
  BackupChangeError,
  addBackup,
  assertWritable,
  removeBackup,
  setBackupStatus,
  stopBackups,
  type NewBackupInput,
  type StatusChange,
} from './seed/backup-changes';
import type { BackupPage, BackupQuery, BackupStore } from './seed/backup-store';
import { generateBackups } from './seed/backups';
import { createBulkStore } from './seed/bulk-store';
import { seedInstances, type SeedInstance, type SeedOptions } from './seed/instances';
import { createListStore, type ListStore } from './seed/list-store';
import { seedRegions } from './seed/regions';
import { checkScaleBackups } from './seed/scale-backups';
import { FINISHED_LISTED_MS, finishMs, newTask, settleTasks, type BackupTask } from './seed/backup-tasks';
import type { ClusterSet } from './seed/cluster-sets';
import { clusterSetsOf, instanceAttributeOf } from './seed/kinds-dataset';
import type { KVStoreInstance, RawBackup, RawRegion } from './seed/types';

export {
  SEED_INSTANCE_IDS,
  type SeedInstanceKey,
  type BackupPlan,
  type SeedInstance,
  type SeedOptions,
} from './seed/instances';
export type { KVStoreInstance, RawBackup, RawRegion, RawTag } from './seed/types';
export type { BackupPage, BackupQuery } from './seed/backup-store';
export {
  BackupChangeError,
  type BackupChangeErrorKind,
  type NewBackupInput,
  type StatusChange,
} from './seed/backup-changes';
export type { BackupTask } from './seed/backup-tasks';
export type { ClusterSet } from './seed/cluster-sets';
export { MAX_SCALE_BACKUPS, checkScaleBackups, parseScaleBackups } from './seed/scale-backups';
export { HEALTH_SEED_IDS } from './seed/health-instances';
export { KIND_INSTANCE_IDS } from './seed/kinds-instances';

export interface StorageSummary {
  FullStorageSize: number;
  LogStorageSize: number;
  FreeSize: number;
}

export interface Dataset {
  /** The anchor the data is dated from. */
  now: Date;
  regions: RawRegion[];
  instances: KVStoreInstance[];
  regionsIn(language: 'zh-CN' | 'en-US'): RawRegion[];
  findInstance(instanceId: string): KVStoreInstance | undefined;
  /** Emulator-internal generation settings for an instance (retention, numbers-as-strings, …). */
  profileOf(instanceId: string): SeedInstance | undefined;
  /**
   * Every backup of the instance, newest first, including runtime changes; `[]` for unknown ids. Generated on
   * first use, then cached. Throws for the bulk instance (millions of rows): use `listBackups`.
   */
  backupsFor(instanceId: string): RawBackup[];
  /** Matching backups newest first, `limit` of them from `offset`, and how many match in all. Any instance. */
  listBackups(instanceId: string, query?: BackupQuery, offset?: number, limit?: number): BackupPage;
  findBackup(instanceId: string, backupId: string): RawBackup | undefined;
  storageOf(instanceId: string): StorageSummary;
  /** Adds a finished backup (ids and defaults as the admin endpoint documents). Throws BackupChangeError. */
  addBackup(instanceId: string, input?: NewBackupInput): RawBackup;
  /** Failed → size 0 and no file. Throws BackupChangeError. */
  setBackupStatus(instanceId: string, backupId: string, change: StatusChange): RawBackup;
  /** Expires a backup: gone from listings and downloads. Returns it as it was. Throws BackupChangeError. */
  removeBackup(instanceId: string, backupId: string): RawBackup;
  /** A cloud-native cluster's backup sets, newest first, running ones included; [] for other instances. */
  clusterSets(instanceId: string): ClusterSet[];
  /** One DescribeInstanceAttribute `DBInstanceAttribute`, or undefined for an unknown instance. */
  instanceAttribute(instanceId: string): Record<string, unknown> | undefined;
  /** Starts a manual backup that finishes `durationSeconds` later (real clock). Throws BackupChangeError. */
  startBackupTask(instanceId: string, opts: { durationSeconds: number; size?: number }): BackupTask;
  /** What DescribeBackupTasks lists now: running tasks and those finished within the last ten minutes. */
  backupTasks(instanceId: string): BackupTask[];
  /** Backups stopped at `sinceMs`: those that started then or later are gone. Returns them. Throws BackupChangeError. */
  stopBackups(instanceId: string, sinceMs: number): RawBackup[];
}

export function createDataset(now: Date, opts: SeedOptions = {}): Dataset {
  const anchor = new Date(now.getTime());
  if (opts.scaleBackups !== undefined) checkScaleBackups(opts.scaleBackups);
  const seeded = seedInstances(anchor, opts);
  const byId = new Map(seeded.map((s) => [s.raw.InstanceId, s]));
  const stores = new Map<string, BackupStore | ListStore>();
  const lastSuccessSize = new Map<string, number>();
  const tasks = new Map<string, BackupTask[]>();
  const tasksOf = (instanceId: string) => tasks.get(instanceId) ?? [];

  const storeOf = (instanceId: string): BackupStore | ListStore | undefined => {
    const instance = byId.get(instanceId);
    if (!instance) return undefined;
    let store = stores.get(instanceId);
    if (!store) {
      store =
        instance.plan.kind === 'bulk'
          ? createBulkStore(instance, anchor.getTime())
          : createListStore(() => generateBackups(instance, anchor));
      stores.set(instanceId, store);
    }
    // Tasks run on the clock: whatever has finished by now is a backup by now.
    settleTasks(instance, store, tasksOf(instanceId), Date.now());
    return store;
  };
  const target = (instanceId: string): [SeedInstance, BackupStore] => {
    const instance = byId.get(instanceId);
    const store = storeOf(instanceId);
    if (!instance || !store) {
      throw new BackupChangeError('instance', 'instanceId', `No instance ${instanceId}.`);
    }
    return [instance, store];
  };

  return {
    now: anchor,
    regions: seedRegions('zh-CN'),
    instances: seeded.map((s) => s.raw),
    regionsIn: seedRegions,
    findInstance: (id) => byId.get(id)?.raw,
    profileOf: (id) => byId.get(id),
    backupsFor(instanceId) {
      const store = storeOf(instanceId);
      if (!store) return [];
      if (!('all' in store)) {
        throw new Error(
          `${instanceId} computes its backups per index; use listBackups() to page through them.`,
        );
      }
      return store.all();
    },
    listBackups: (instanceId, query = {}, offset = 0, limit = Infinity) =>
      storeOf(instanceId)?.list(query, offset, limit) ?? { total: 0, rows: [] },
    findBackup: (instanceId, backupId) => storeOf(instanceId)?.find(backupId),
    storageOf(instanceId) {
      const totals = storeOf(instanceId)?.storage() ?? { full: 0, log: 0 };
      // Free quota: Alibaba grants backup space proportional to capacity; the exact rule is undocumented.
      const capacityBytes = (byId.get(instanceId)?.raw.Capacity ?? 0) * 1024 * 1024;
      return {
        FullStorageSize: totals.full,
        LogStorageSize: totals.log,
        FreeSize: Math.max(0, capacityBytes * 50 - totals.full - totals.log),
      };
    },
    addBackup: (instanceId, input = {}) => addBackup(...target(instanceId), input, Date.now()),
    setBackupStatus: (instanceId, backupId, change) =>
      setBackupStatus(...target(instanceId), backupId, change, lastSuccessSize),
    removeBackup: (instanceId, backupId) => removeBackup(...target(instanceId), backupId),
    clusterSets(instanceId) {
      const instance = byId.get(instanceId);
      const store = storeOf(instanceId);
      return instance && store ? clusterSetsOf(instance, store, tasksOf(instanceId), Date.now()) : [];
    },
    instanceAttribute(instanceId) {
      const instance = byId.get(instanceId);
      const store = storeOf(instanceId);
      return instance && store ? instanceAttributeOf(instance, store) : undefined;
    },
    startBackupTask(instanceId, opts) {
      const [instance, store] = target(instanceId);
      assertWritable(instance);
      if (instance.plan.kind === 'bulk') {
        throw new BackupChangeError(
          'read-only',
          'instanceId',
          `${instanceId} computes its backups and runs no tasks.`,
        );
      }
      const task = newTask(instance, store, tasksOf(instanceId), {
        nowMs: Date.now(),
        durationMs: opts.durationSeconds * 1000,
        size: opts.size,
      });
      tasks.set(instanceId, [...tasksOf(instanceId), task]);
      return task;
    },
    backupTasks(instanceId) {
      storeOf(instanceId);
      const now = Date.now();
      return tasksOf(instanceId).filter((t) => now - finishMs(t) < FINISHED_LISTED_MS);
    },
    stopBackups: (instanceId, sinceMs) => stopBackups(...target(instanceId), sinceMs),
  };
}
