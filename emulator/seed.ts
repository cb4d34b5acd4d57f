import { generateBackups } from './seed/backups';
import { seedInstances, type SeedInstance } from './seed/instances';
import { seedRegions } from './seed/regions';
import type { KVStoreInstance, RawBackup, RawRegion } from './seed/types';

export {
  SEED_INSTANCE_IDS,
  type SeedInstanceKey,
  type BackupPlan,
  type SeedInstance,
} from './seed/instances';
export type { KVStoreInstance, RawBackup, RawRegion, RawTag } from './seed/types';

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
  /** Every backup of the instance, newest first; `[]` for unknown ids. Generated on first use, then cached. */
  backupsFor(instanceId: string): RawBackup[];
  findBackup(instanceId: string, backupId: string): RawBackup | undefined;
  storageOf(instanceId: string): StorageSummary;
}

export function createDataset(now: Date): Dataset {
  const anchor = new Date(now.getTime());
  const seeded = seedInstances(anchor);
  const byId = new Map(seeded.map((s) => [s.raw.InstanceId, s]));
  const backupCache = new Map<string, RawBackup[]>();
  const indexCache = new Map<string, Map<string, RawBackup>>();
  const storageCache = new Map<string, StorageSummary>();

  const backupsFor = (instanceId: string): RawBackup[] => {
    const cached = backupCache.get(instanceId);
    if (cached) return cached;
    const instance = byId.get(instanceId);
    const backups = instance ? generateBackups(instance, anchor) : [];
    if (instance) backupCache.set(instanceId, backups);
    return backups;
  };

  return {
    now: anchor,
    regions: seedRegions('zh-CN'),
    instances: seeded.map((s) => s.raw),
    regionsIn: seedRegions,
    findInstance: (id) => byId.get(id)?.raw,
    profileOf: (id) => byId.get(id),
    backupsFor,
    findBackup(instanceId, backupId) {
      let index = indexCache.get(instanceId);
      if (!index) {
        index = new Map(backupsFor(instanceId).map((b) => [String(b.BackupId), b]));
        indexCache.set(instanceId, index);
      }
      return index.get(backupId);
    },
    storageOf(instanceId) {
      const cached = storageCache.get(instanceId);
      if (cached) return cached;
      let full = 0;
      let log = 0;
      for (const b of backupsFor(instanceId)) {
        if (b.BackupType === 'IncrementalBackup') log += b.BackupSize;
        else full += b.BackupSize;
      }
      // Free quota: Alibaba grants backup space proportional to capacity; the exact rule is undocumented.
      const capacityBytes = (byId.get(instanceId)?.raw.Capacity ?? 0) * 1024 * 1024;
      const summary = {
        FullStorageSize: full,
        LogStorageSize: log,
        FreeSize: Math.max(0, capacityBytes * 50 - full - log),
      };
      storageCache.set(instanceId, summary);
      return summary;
    },
  };
}
