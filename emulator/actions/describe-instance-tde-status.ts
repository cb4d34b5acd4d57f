import { apiErrors } from '../protocol/api-error';
import type { ActionHandler } from './action-context';

/** `TDEStatus` is `Enabled` or `Disable` (sic), as Alibaba Cloud spells it. */
export const describeInstanceTdeStatus: ActionHandler = ({ params, dataset }) => {
  if (!params.InstanceId) throw apiErrors.missingParameter('InstanceId');
  const profile = dataset.profileOf(params.InstanceId);
  if (!profile) throw apiErrors.instanceNotFound();
  return { TDEStatus: profile.tde ? 'Enabled' : 'Disable' };
};
