// Raw, Alibaba-shaped records: field names and casing exactly as the API returns them.

export interface RawRegion {
  RegionId: string;
  LocalName: string;
  RegionEndpoint: string;
  ZoneIds: string;
  ZoneIdList: { ZoneId: string[] };
}

export interface RawTag {
  Key: string;
  Value: string;
}

export interface KVStoreInstance {
  InstanceId: string;
  InstanceName: string;
  RegionId: string;
  ZoneId: string;
  InstanceStatus: string;
  ArchitectureType: 'standard' | 'cluster' | 'rwsplit';
  InstanceType: 'Redis' | 'Tair';
  EditionType: 'Community' | 'Enterprise';
  /** Classic instances: `double`/`single`; cloud-native ones: `MASTER_SLAVE`/`STAND_ALONE`. */
  NodeType: 'double' | 'single' | 'MASTER_SLAVE' | 'STAND_ALONE';
  EngineVersion: string;
  InstanceClass: string;
  ShardCount: number;
  Capacity: number;
  NetworkType: 'VPC' | 'CLASSIC';
  VpcId: string;
  VSwitchId: string;
  ConnectionDomain: string;
  Port: number;
  ChargeType: 'PrePaid' | 'PostPaid';
  CreateTime: string;
  EndTime: string;
  ResourceGroupId: string;
  Tags: { Tag: RawTag[] };
}

export interface RawBackup {
  BackupId: number;
  /** Absent on the seed page's historical examples, which predate the field. */
  BackupJobID?: number;
  BackupStartTime: string;
  BackupEndTime: string;
  BackupStatus: 'Success' | 'Failed';
  BackupType: 'FullBackup' | 'IncrementalBackup';
  BackupMethod: 'Physical' | 'Logical';
  BackupMode: 'Automated' | 'Manual';
  BackupSize: number;
  /**
   * Empty for generated backups: the server fills in a fresh presigned URL on every DescribeBackups call.
   * The seed page's examples keep their literal (odd) URLs.
   */
  BackupDownloadURL: string;
  BackupIntranetDownloadURL: string;
  BackupDBNames: string;
  EngineVersion: string;
  NodeInstanceId: string;
  RecoverConfigMode?: string;
  ExpectExpireTime?: string;
}
