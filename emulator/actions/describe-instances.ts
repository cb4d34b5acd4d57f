import { apiErrors } from '../protocol/api-error';
import type { KVStoreInstance } from '../seed';
import type { ActionHandler } from './action-context';
import { page, parsePageNumber, parsePageSize } from './paging';

const MAX_INSTANCE_IDS = 30;

function tagFilters(params: Record<string, string>): Array<{ key: string; value?: string }> {
  const filters: Array<{ key: string; value?: string }> = [];
  for (let n = 1; n <= 20; n++) {
    const key = params[`Tag.${n}.Key`];
    if (key) filters.push({ key, value: params[`Tag.${n}.Value`] || undefined });
  }
  return filters;
}

function matches(
  instance: KVStoreInstance,
  params: Record<string, string>,
  ids: Set<string> | null,
): boolean {
  if (ids && !ids.has(instance.InstanceId)) return false;
  const search = params.SearchKey?.toLowerCase();
  if (
    search &&
    !instance.InstanceId.toLowerCase().includes(search) &&
    !instance.InstanceName.toLowerCase().includes(search)
  ) {
    return false;
  }
  const exact: Array<keyof KVStoreInstance> = [
    'InstanceStatus',
    'ArchitectureType',
    'InstanceType',
    'EngineVersion',
    'ResourceGroupId',
    'NetworkType',
    'ChargeType',
    'ZoneId',
  ];
  if (exact.some((field) => params[field] && String(instance[field]) !== params[field])) return false;
  return tagFilters(params).every(({ key, value }) =>
    instance.Tags.Tag.some((t) => t.Key === key && (value === undefined || t.Value === value)),
  );
}

export const describeInstances: ActionHandler = ({ params, dataset }) => {
  if (!params.RegionId) throw apiErrors.missingParameter('RegionId');
  const pageSize = parsePageSize(params.PageSize, 30, (n) => n >= 1 && n <= 50);
  const pageNumber = parsePageNumber(params.PageNumber);
  const idList = params.InstanceIds
    ? params.InstanceIds.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : null;
  if (idList && idList.length > MAX_INSTANCE_IDS)
    throw apiErrors.invalidParameter('InstanceIds', 'At most 30 ids.');
  const ids = idList ? new Set(idList) : null;

  // Unknown regions simply have no instances; newest instances first, like the console.
  const found = dataset.instances
    .filter((i) => i.RegionId === params.RegionId && matches(i, params, ids))
    .sort((a, b) => b.CreateTime.localeCompare(a.CreateTime));

  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: found.length,
    Instances: { KVStoreInstance: page(found, pageNumber, pageSize) },
  };
};
