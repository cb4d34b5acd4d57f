import type { InstanceDef } from './instances';

// Instances whose backups put them in each health state the console must recognise (appended after the
// original seven, so their ids and data stay as they were). Their states hold whenever the emulator starts:
// they depend on calendar days counted back from `now`, not on chance.

export const HEALTH_SEED_IDS = {
  /** Daily at 23:00–00:00 UTC (a window that ends at midnight), never failing. */
  healthy: 'r-bp1healthy000001',
  /** Monday, Wednesday and Friday backups that stopped 8 days ago: the last expected windows passed empty. */
  late: 'r-uf6late000000001',
  /** Daily; the automated backups of the last four calendar days (three or four ran) all failed. */
  streak: 'r-bp1streak0000001',
  /** Created 20 days ago; every backup it ever took failed. */
  never: 'r-t4nnever00000001',
  /** A 4-shard cluster whose shard db-2 failed in the last jobs: those jobs are failures, not successes. */
  shardFailed: 'r-uf6shardfail0001',
  /** Backups as usual, but DescribeBackupPolicy is refused for it (Forbidden.RAM). */
  policyDenied: 'r-t4nrestricted001',
} as const;

export const HEALTH_DEFS: InstanceDef[] = [
  {
    InstanceId: HEALTH_SEED_IDS.healthy,
    InstanceName: 'payments-cache-prod',
    RegionId: 'cn-hangzhou',
    ZoneId: 'cn-hangzhou-k',
    ArchitectureType: 'standard',
    EngineVersion: '7.0',
    InstanceClass: 'redis.master.small.default',
    Capacity: 2048,
    ageDays: 500,
    plan: { kind: 'daily', retentionDays: 30, windowMinute: 23 * 60, sizeMb: [400, 440], slot: 7 },
  },
  {
    InstanceId: HEALTH_SEED_IDS.late,
    InstanceName: 'search-cache-weekly',
    RegionId: 'cn-shanghai',
    ZoneId: 'cn-shanghai-g',
    ArchitectureType: 'standard',
    EngineVersion: '6.0',
    InstanceClass: 'redis.master.mid.default',
    Capacity: 4096,
    ageDays: 300,
    plan: {
      kind: 'daily',
      retentionDays: 30,
      windowMinute: 22 * 60 + 5,
      weekdays: [1, 3, 5],
      stoppedDaysAgo: 8,
      sizeMb: [800, 900],
      slot: 8,
    },
  },
  {
    InstanceId: HEALTH_SEED_IDS.streak,
    InstanceName: 'inventory-cache',
    RegionId: 'cn-hangzhou',
    ZoneId: 'cn-hangzhou-h',
    ArchitectureType: 'standard',
    EngineVersion: '6.0',
    InstanceClass: 'redis.master.mid.default',
    Capacity: 4096,
    ageDays: 250,
    plan: {
      kind: 'daily',
      retentionDays: 30,
      windowMinute: 3 * 60 + 5,
      sizeMb: [600, 650],
      incident: { shards: [0], fromDaysAgo: 3, toDaysAgo: 0 },
      slot: 9,
    },
  },
  {
    InstanceId: HEALTH_SEED_IDS.never,
    InstanceName: 'analytics-staging',
    RegionId: 'ap-southeast-1',
    ZoneId: 'ap-southeast-1c',
    ArchitectureType: 'standard',
    EngineVersion: '7.0',
    InstanceClass: 'redis.master.small.default',
    Capacity: 1024,
    ageDays: 20,
    plan: {
      kind: 'daily',
      retentionDays: 30,
      windowMinute: 6 * 60 + 5,
      sizeMb: [50, 60],
      failureRate: 1,
      slot: 10,
    },
  },
  {
    InstanceId: HEALTH_SEED_IDS.shardFailed,
    InstanceName: 'events-cluster',
    RegionId: 'cn-shanghai',
    ZoneId: 'cn-shanghai-f',
    ArchitectureType: 'cluster',
    EngineVersion: '7.0',
    InstanceClass: 'redis.logic.sharding.1g.4db.0rodb.4proxy.default',
    Capacity: 4096,
    ShardCount: 4,
    ageDays: 400,
    plan: {
      kind: 'daily',
      retentionDays: 30,
      windowMinute: 20 * 60 + 5,
      shards: 4,
      sizeMb: [300, 330],
      // Calendar days 2, 1 and 0 back: at least two jobs have run whatever the time of day.
      incident: { shards: [2], fromDaysAgo: 2, toDaysAgo: 0 },
      slot: 11,
    },
  },
  {
    InstanceId: HEALTH_SEED_IDS.policyDenied,
    InstanceName: 'partner-cache-restricted',
    RegionId: 'ap-southeast-1',
    ZoneId: 'ap-southeast-1a',
    ArchitectureType: 'standard',
    EngineVersion: '6.0',
    InstanceClass: 'redis.master.small.default',
    Capacity: 1024,
    ageDays: 90,
    plan: {
      kind: 'daily',
      retentionDays: 30,
      windowMinute: 5 * 60 + 5,
      sizeMb: [100, 110],
      policyDenied: true,
      slot: 12,
    },
  },
];
