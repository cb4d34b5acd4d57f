import { KIND_DEFS, KIND_INSTANCE_IDS } from './kinds-instances';
import { HEALTH_DEFS } from './health-instances';
import { DAY_MS, isoSeconds } from './time-format';
import type { KVStoreInstance } from './types';
import { VERIFY_LAB_DEFS, VERIFY_LAB_IDS } from './verify-lab';

export const SEED_INSTANCE_IDS = {
  /** The seed page's example instance: only its three 2019 backups, served exactly as documented. */
  docExample: 'r-bp1xxxxxxxxxxxxx',
  /** Redis 6.0 standard (master-replica), daily automated backups for 90 days plus some manual ones. */
  standard: 'r-bp1standard000001',
  /** Redis 5.0 read/write splitting, daily logical backups for 60 days. */
  rwsplit: 'r-bp1rwsplit0000001',
  /** Redis 5.0 classic cluster with 8 shards: every job yields one backup per shard sharing BackupJobID. */
  cluster: 'r-uf6cluster000001',
  /** Tair enterprise: a daily full backup plus hourly IncrementalBackup (AOF) entries, 60 days. */
  incremental: 'r-bp1tairincr000001',
  /** Busy instance: a backup every 8 minutes for 30 days (≥5,000 rows) to exercise paging. */
  scale: 'r-t4nscale00000001',
  /** Created recently: no backups yet. */
  empty: 'r-uf6empty00000001',
  /**
   * Load tests: exists only with `startEmulator({ scaleBackups: n })` / `EMULATOR_SCALE_BACKUPS`, and then has
   * exactly n backups over 365 days, computed from their index instead of stored.
   */
  bulk: 'r-t4nbulk000000001',
  ...KIND_INSTANCE_IDS,
  ...VERIFY_LAB_IDS,
} as const;

export type SeedInstanceKey = keyof typeof SEED_INSTANCE_IDS;

/** How an instance's backups are generated; internal to the emulator, never serialized. */
export interface BackupPlan {
  /** `sets`: daily jobs served as cloud-native cluster backup sets (DescribeClusterBackupList), not DescribeBackups. */
  kind: 'doc-example' | 'daily' | 'interval' | 'bulk' | 'none' | 'sets';
  retentionDays: number;
  /** Minutes after 00:00 UTC of the automated window (daily plans). */
  windowMinute: number;
  intervalMinutes: number;
  shards: number;
  sizeMb: [number, number];
  method: 'Physical' | 'Logical';
  failureRate: number;
  /** A stretch of nights on which some shards' automated backups all fail (a full disk, say). */
  incident?: { shards: number[]; fromDaysAgo: number; toDaysAgo: number };
  manualPerDay: number;
  incrementalsPerDay: number;
  /** Small integer (0..15) that keeps BackupIds of different instances apart. */
  slot: number;
  /** Bulk plans: exactly this many backups. */
  count: number;
  /** Daily plans: the UTC weekdays (0 = Sunday) with an automated backup; default every day. */
  weekdays?: number[];
  /** No backup at all on the last n UTC calendar days, today included (backups that stopped). */
  stoppedDaysAgo?: number;
  /** DescribeBackupPolicy is refused for this instance (a RAM policy that does not cover it). */
  policyDenied?: boolean;
}

export interface SeedInstance {
  raw: KVStoreInstance;
  plan: BackupPlan;
  /** The doc example serves numbers as strings, like the seed page's JSON. */
  numbersAsStrings: boolean;
  /** TDE (transparent data encryption) on: DescribeInstanceTDEStatus says Enabled, backup files are encrypted. */
  tde: boolean;
}

const NO_PLAN: BackupPlan = {
  kind: 'none',
  retentionDays: 7,
  windowMinute: 0,
  intervalMinutes: 0,
  shards: 1,
  sizeMb: [0, 0],
  method: 'Physical',
  failureRate: 0,
  manualPerDay: 0,
  incrementalsPerDay: 0,
  slot: 0,
  count: 0,
};

export interface InstanceDef extends Partial<KVStoreInstance> {
  InstanceId: string;
  InstanceName: string;
  RegionId: string;
  ZoneId: string;
  ArchitectureType: KVStoreInstance['ArchitectureType'];
  EngineVersion: string;
  InstanceClass: string;
  Capacity: number;
  ageDays: number;
  plan: Partial<BackupPlan>;
  tde?: boolean;
}

const DEFS: InstanceDef[] = [
  {
    InstanceId: SEED_INSTANCE_IDS.docExample,
    InstanceName: 'seed-page-example-2019',
    RegionId: 'cn-hangzhou',
    ZoneId: 'cn-hangzhou-h',
    ArchitectureType: 'standard',
    EngineVersion: '4.0',
    InstanceClass: 'redis.master.small.default',
    Capacity: 1024,
    NetworkType: 'CLASSIC',
    ageDays: 2600,
    plan: { kind: 'doc-example' },
  },
  {
    InstanceId: SEED_INSTANCE_IDS.standard,
    InstanceName: 'orders-cache-prod',
    RegionId: 'cn-hangzhou',
    ZoneId: 'cn-hangzhou-i',
    ArchitectureType: 'standard',
    EngineVersion: '6.0',
    InstanceClass: 'redis.master.mid.default',
    Capacity: 4096,
    ageDays: 400,
    plan: {
      kind: 'daily',
      retentionDays: 90,
      windowMinute: 2 * 60 + 10,
      sizeMb: [1200, 2600],
      failureRate: 0.03,
      manualPerDay: 0.15,
      slot: 1,
    },
  },
  {
    InstanceId: SEED_INSTANCE_IDS.rwsplit,
    InstanceName: 'session-store-rw',
    RegionId: 'cn-hangzhou',
    ZoneId: 'cn-hangzhou-j',
    ArchitectureType: 'rwsplit',
    EngineVersion: '5.0',
    InstanceClass: 'redis.logic.splitrw.default.1db.1rodb.4proxy',
    Capacity: 8192,
    ageDays: 300,
    plan: {
      kind: 'daily',
      retentionDays: 60,
      windowMinute: 19 * 60 + 40,
      sizeMb: [3000, 7000],
      method: 'Logical',
      failureRate: 0.04,
      manualPerDay: 0.05,
      slot: 2,
    },
  },
  {
    InstanceId: SEED_INSTANCE_IDS.cluster,
    InstanceName: 'feed-cluster',
    RegionId: 'cn-shanghai',
    ZoneId: 'cn-shanghai-f',
    ArchitectureType: 'cluster',
    EngineVersion: '5.0',
    InstanceClass: 'redis.logic.sharding.2g.8db.0rodb.8proxy.default',
    Capacity: 16384,
    ShardCount: 8,
    ageDays: 700,
    plan: {
      kind: 'daily',
      retentionDays: 60,
      windowMinute: 3 * 60 + 30,
      shards: 8,
      sizeMb: [900, 2000],
      failureRate: 0.02,
      // Shards db-5 and db-6 ran out of disk for two weeks: enough Failed rows to page through.
      incident: { shards: [5, 6], fromDaysAgo: 40, toDaysAgo: 25 },
      manualPerDay: 0.08,
      slot: 3,
    },
  },
  {
    InstanceId: SEED_INSTANCE_IDS.incremental,
    InstanceName: 'ledger-tair-flashback',
    RegionId: 'cn-hangzhou',
    ZoneId: 'cn-hangzhou-h',
    ArchitectureType: 'standard',
    InstanceType: 'Tair',
    EditionType: 'Enterprise',
    EngineVersion: '7.0',
    InstanceClass: 'tair.rdb.with.proxy.16g',
    Capacity: 16384,
    ageDays: 200,
    plan: {
      kind: 'daily',
      retentionDays: 60,
      windowMinute: 4 * 60,
      sizeMb: [18000, 42000],
      failureRate: 0.02,
      manualPerDay: 0.1,
      incrementalsPerDay: 24,
      slot: 4,
    },
  },
  {
    InstanceId: SEED_INSTANCE_IDS.scale,
    InstanceName: 'ticker-cache-sg',
    RegionId: 'ap-southeast-1',
    ZoneId: 'ap-southeast-1a',
    ArchitectureType: 'standard',
    EngineVersion: '7.0',
    InstanceClass: 'redis.shard.small.2.ce',
    Capacity: 1024,
    ChargeType: 'PostPaid',
    ageDays: 120,
    plan: {
      kind: 'interval',
      retentionDays: 30,
      intervalMinutes: 8,
      sizeMb: [1, 12],
      failureRate: 0.02,
      slot: 5,
    },
  },
  {
    InstanceId: SEED_INSTANCE_IDS.empty,
    InstanceName: 'new-empty-instance',
    RegionId: 'cn-shanghai',
    ZoneId: 'cn-shanghai-e',
    ArchitectureType: 'standard',
    EngineVersion: '7.0',
    InstanceClass: 'redis.shard.small.2.ce',
    Capacity: 1024,
    InstanceStatus: 'Creating',
    ageDays: 0,
    plan: { kind: 'none' },
  },
  ...VERIFY_LAB_DEFS,
];

function bulkDef(count: number): InstanceDef {
  return {
    InstanceId: SEED_INSTANCE_IDS.bulk,
    InstanceName: 'bulk-load-test',
    RegionId: 'ap-southeast-1',
    ZoneId: 'ap-southeast-1b',
    ArchitectureType: 'standard',
    EngineVersion: '7.0',
    InstanceClass: 'redis.master.small.default',
    Capacity: 1024,
    ChargeType: 'PostPaid',
    // Older than the retention, so the oldest backup does not predate the instance.
    ageDays: 400,
    plan: {
      kind: 'bulk',
      retentionDays: 365,
      sizeMb: [1, 12],
      failureRate: 0.02,
      slot: 6,
      count,
    },
  };
}

const REGION_PREFIX: Record<string, string> = {
  'cn-hangzhou': 'bp1',
  'cn-shanghai': 'uf6',
  'ap-southeast-1': 't4n',
};

export interface SeedOptions {
  /** Adds the bulk instance with this many backups. */
  scaleBackups?: number;
}

export function seedInstances(now: Date, opts: SeedOptions = {}): SeedInstance[] {
  const defs = [
    ...DEFS,
    ...KIND_DEFS,
    ...HEALTH_DEFS,
    ...(opts.scaleBackups === undefined ? [] : [bulkDef(opts.scaleBackups)]),
  ];
  return defs.map((def) => {
    const { ageDays, plan, tde, ...fields } = def;
    const created = now.getTime() - ageDays * DAY_MS - 3 * 3_600_000;
    const prefix = REGION_PREFIX[def.RegionId] ?? 'xx1';
    const raw: KVStoreInstance = {
      InstanceStatus: 'Normal',
      InstanceType: 'Redis',
      EditionType: 'Community',
      NodeType: 'double',
      ShardCount: 1,
      NetworkType: 'VPC',
      VpcId: `vpc-${prefix}emulator0001`,
      VSwitchId: `vsw-${prefix}emulator0001`,
      ConnectionDomain: `${def.InstanceId}.redis.rds.aliyuncs.com`,
      Port: 6379,
      ChargeType: 'PrePaid',
      CreateTime: isoSeconds(created),
      EndTime: isoSeconds(created + 3 * 365 * DAY_MS),
      ResourceGroupId: 'rg-acfmemulator001',
      Tags: { Tag: [{ Key: 'env', Value: def.InstanceName.endsWith('prod') ? 'prod' : 'staging' }] },
      ...fields,
    };
    if (raw.ChargeType === 'PostPaid') raw.EndTime = '2999-09-08T16:00:00Z';
    return {
      raw,
      plan: { ...NO_PLAN, ...plan },
      numbersAsStrings: plan.kind === 'doc-example',
      tde: tde ?? false,
    };
  });
}
