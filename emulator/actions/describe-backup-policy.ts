import { apiErrors } from '../protocol/api-error';
import { backupPolicyOf } from '../seed/backup-policy';
import type { ActionHandler } from './action-context';

export const describeBackupPolicy: ActionHandler = ({ params, dataset }) => {
  if (!params.InstanceId) throw apiErrors.missingParameter('InstanceId');
  const profile = dataset.profileOf(params.InstanceId);
  if (!profile) throw apiErrors.instanceNotFound();
  if (profile.plan.policyDenied) throw apiErrors.ramDenied('kvstore:DescribeBackupPolicy');
  const policy = backupPolicyOf(profile, Date.now());
  if (!profile.numbersAsStrings) return { ...policy };
  return { ...policy, EnableBackupLog: String(policy.EnableBackupLog) };
};
