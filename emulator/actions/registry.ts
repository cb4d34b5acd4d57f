import type { ActionHandler } from './action-context';
import { describeBackupPolicy } from './describe-backup-policy';
import { describeBackups } from './describe-backups';
import { describeInstances } from './describe-instances';
import { describeRegions } from './describe-regions';

export const API_VERSION = '2015-01-01';

export const ACTIONS: Readonly<Record<string, ActionHandler>> = {
  DescribeBackupPolicy: describeBackupPolicy,
  DescribeBackups: describeBackups,
  DescribeInstances: describeInstances,
  DescribeRegions: describeRegions,
};
