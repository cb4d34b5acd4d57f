import type { ActionHandler } from './action-context';
import { describeBackups } from './describe-backups';
import { describeInstanceTdeStatus } from './describe-instance-tde-status';
import { describeInstances } from './describe-instances';
import { describeRegions } from './describe-regions';

export const API_VERSION = '2015-01-01';

export const ACTIONS: Readonly<Record<string, ActionHandler>> = {
  DescribeBackups: describeBackups,
  DescribeInstances: describeInstances,
  DescribeRegions: describeRegions,
  DescribeInstanceTDEStatus: describeInstanceTdeStatus,
};
