import type { RdbDamage } from '../rdb/rdb-file';
import type { InstanceDef } from './instances';
import { DAY_MS } from './time-format';
import type { RawBackup } from './types';

// Two instances for backup verification: a lab whose small daily backups cycle through the ways an RDB file
// goes bad (README: "Backup files"), and a Tair instance with TDE on, whose files are encrypted.

export const VERIFY_LAB_IDS = {
  /** Redis 6.0, a small backup a day for 14 days; which ones are damaged follows from the day (`damageOf`). */
  verifyLab: 'r-bp1verifylab00001',
  /** Tair 6.0 with TDE on: DescribeInstanceTDEStatus says Enabled; its files are not plain RDB. */
  tde: 'r-bp1tdeenabled0001',
} as const;

export const VERIFY_LAB_DEFS: InstanceDef[] = [
  {
    InstanceId: VERIFY_LAB_IDS.verifyLab,
    InstanceName: 'verify-lab',
    RegionId: 'cn-hangzhou',
    ZoneId: 'cn-hangzhou-h',
    ArchitectureType: 'standard',
    EngineVersion: '6.0',
    InstanceClass: 'redis.master.small.default',
    Capacity: 1024,
    ageDays: 30,
    plan: {
      kind: 'daily',
      retentionDays: 14,
      windowMinute: 1 * 60 + 15,
      sizeMb: [0.25, 4],
      failureRate: 0,
      // Slots far from the others', which count up from 1.
      slot: 14,
    },
  },
  {
    InstanceId: VERIFY_LAB_IDS.tde,
    InstanceName: 'payments-tair-tde',
    RegionId: 'cn-hangzhou',
    ZoneId: 'cn-hangzhou-i',
    ArchitectureType: 'standard',
    InstanceType: 'Tair',
    EditionType: 'Enterprise',
    EngineVersion: '6.0',
    InstanceClass: 'tair.rdb.2g',
    Capacity: 2048,
    ageDays: 30,
    tde: true,
    plan: {
      kind: 'daily',
      retentionDays: 7,
      windowMinute: 5 * 60,
      sizeMb: [5, 12],
      failureRate: 0,
      slot: 15,
    },
  },
];

/** In day order (UTC day number modulo 6): the lab's backup of a day carries this damage, or none. */
export const LAB_CYCLE: ReadonlyArray<RdbDamage | null> = [
  null,
  'flipped-byte',
  'truncated',
  'bad-checksum',
  'future-version',
  'pre-ga-module',
];

/** The damage a seeded backup's file carries on purpose, or null. */
export function damageOf(instanceId: string, backup: Pick<RawBackup, 'BackupStartTime'>): RdbDamage | null {
  if (instanceId !== VERIFY_LAB_IDS.verifyLab) return null;
  const day = Math.floor(Date.parse(backup.BackupStartTime) / DAY_MS);
  return LAB_CYCLE[day % LAB_CYCLE.length] ?? null;
}
