import type { RawBackup } from './types';

const INTERNAL = 'http://rdsbak-hk45-v2.oss-cn-hongkong-internal.aliyuncs.com/xxxxxxxxxxx';
const PUBLIC = 'https://rdsbak-hk45-v2.oss-cn-hongkong.aliyuncs.com/xxxxxxxxxxx';

const COMMON = {
  BackupStatus: 'Success',
  BackupType: 'FullBackup',
  BackupMethod: 'Physical',
  BackupMode: 'Automated',
  BackupSize: 1024,
  BackupIntranetDownloadURL: INTERNAL,
  BackupDBNames: 'all',
  EngineVersion: '4.0',
  NodeInstanceId: 'r-bp1xxxxxxxxxxxxx',
} as const;

/**
 * The three backups of the seed DescribeBackups page, byte for byte, including its odd URLs: the second's
 * public URL is the internal http one and the third's is two URLs glued together. Real data can look like this.
 */
export const DOC_EXAMPLE_BACKUPS: readonly RawBackup[] = [
  {
    ...COMMON,
    BackupId: 336077354,
    BackupStartTime: '2019-03-14T05:28:50Z',
    BackupEndTime: '2019-03-14T05:31:13Z',
    BackupDownloadURL: PUBLIC,
  },
  {
    ...COMMON,
    BackupId: 335538809,
    BackupStartTime: '2019-03-13T05:28:46Z',
    BackupEndTime: '2019-03-13T05:31:09Z',
    BackupDownloadURL: INTERNAL,
  },
  {
    ...COMMON,
    BackupId: 335001607,
    BackupStartTime: '2019-03-12T05:28:52Z',
    BackupEndTime: '2019-03-12T05:31:14Z',
    BackupDownloadURL: `https://rdsbak-hk45-v2.oss-cn-hongkong.aliyuncs.com/${INTERNAL}`,
  },
];
