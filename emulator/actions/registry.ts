import type { ActionHandler } from './action-context';
import { describeBackupTasks } from './describe-backup-tasks';
import { describeBackupPolicy } from './describe-backup-policy';
import { describeBackups } from './describe-backups';
import { describeClusterBackupList } from './describe-cluster-backup-list';
import { describeInstanceAttribute } from './describe-instance-attribute';
import { describeInstanceTdeStatus } from './describe-instance-tde-status';
import { describeInstances } from './describe-instances';
import { describeRegions } from './describe-regions';

export const API_VERSION = '2015-01-01';

export const ACTIONS: Readonly<Record<string, ActionHandler>> = {
  DescribeBackupPolicy: describeBackupPolicy,
  DescribeBackups: describeBackups,
  DescribeInstances: describeInstances,
  DescribeRegions: describeRegions,
  DescribeClusterBackupList: describeClusterBackupList,
  DescribeBackupTasks: describeBackupTasks,
  DescribeInstanceAttribute: describeInstanceAttribute,
  DescribeInstanceTDEStatus: describeInstanceTdeStatus,
};
