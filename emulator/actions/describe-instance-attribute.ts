import { apiErrors } from '../protocol/api-error';
import type { ActionHandler } from './action-context';

/** One instance's attributes, in the `Instances.DBInstanceAttribute[]` wrapper. */
export const describeInstanceAttribute: ActionHandler = ({ params, dataset }) => {
  if (!params.InstanceId) throw apiErrors.missingParameter('InstanceId');
  const attribute = dataset.instanceAttribute(params.InstanceId);
  if (!attribute) throw apiErrors.instanceNotFound();
  return { Instances: { DBInstanceAttribute: [attribute] } };
};
