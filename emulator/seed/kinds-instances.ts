import type { InstanceDef } from './instances';

// The instance kinds DescribeBackups alone does not cover: a cloud-native cluster (its backups are sets
// served by DescribeClusterBackupList) and a classic cluster too big for one page of 100 backups.

export const KIND_INSTANCE_IDS = {
  /**
   * Cloud-native cluster, 16 shards: daily backup sets for 30 days (DescribeClusterBackupList); the set of
   * 3 days ago lost shards 4 and 11 ("incomplete: 2 of 16 nodes unavailable"). DescribeBackups lists nothing.
   */
  cloudNative: 'r-bp1cnative000001',
  /** Classic cluster with 256 shards: one job a day for 14 days; shard db-17 failed on the job of 2 days ago. */
  bigCluster: 'r-uf6cluster256sh1',
} as const;

export const KIND_DEFS: InstanceDef[] = [
  {
    InstanceId: KIND_INSTANCE_IDS.cloudNative,
    InstanceName: 'cart-cluster-native',
    RegionId: 'cn-hangzhou',
    ZoneId: 'cn-hangzhou-k',
    ArchitectureType: 'cluster',
    NodeType: 'MASTER_SLAVE',
    InstanceType: 'Tair',
    EditionType: 'Enterprise',
    EngineVersion: '7.0',
    InstanceClass: 'tair.rdb.with.proxy.1g',
    Capacity: 16384,
    ShardCount: 16,
    ageDays: 90,
    plan: {
      kind: 'sets',
      retentionDays: 30,
      windowMinute: 60 + 20,
      shards: 16,
      sizeMb: [300, 900],
      // Two nodes of one set failed: the set is incomplete, the other sets are whole.
      incident: { shards: [4, 11], fromDaysAgo: 3, toDaysAgo: 3 },
      manualPerDay: 0.1,
      // Slots keep ids of instances apart; 13 and 15 stay clear of the others' shard ranges (see README).
      slot: 13,
    },
  },
  {
    InstanceId: KIND_INSTANCE_IDS.bigCluster,
    InstanceName: 'events-cluster-256',
    RegionId: 'cn-shanghai',
    ZoneId: 'cn-shanghai-g',
    ArchitectureType: 'cluster',
    EngineVersion: '6.0',
    InstanceClass: 'redis.logic.sharding.1g.256db.0rodb.256proxy.default',
    Capacity: 262144,
    ShardCount: 256,
    ageDays: 30,
    plan: {
      kind: 'daily',
      retentionDays: 14,
      windowMinute: 5 * 60 + 15,
      shards: 256,
      sizeMb: [20, 60],
      incident: { shards: [17], fromDaysAgo: 2, toDaysAgo: 2 },
      slot: 15,
    },
  },
];
