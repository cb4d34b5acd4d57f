// Pure: raw DescribeBackups / DescribeInstances / DescribeRegions bodies -> the model in `types.ts`.
// `client.ts` passes the wire JSON (PascalCase); camelCase SDK models (`toMap()` output or model objects) and the
// docs' `{ "DescribeBackupsResponse": { … } }` wrapper are accepted too. Odd data degrades to null, never throws.
import {
  asObject,
  field,
  list,
  secondsBetween,
  toHttpUrl,
  toId,
  toIsoTime,
  toNumber,
  toRecoverConfigMode,
  toText,
} from './raw-values';
import type { BackupWithUrls, BackupsPage, Instance, Region } from './types';

/** Shown for a missing enum-like value; unknown values pass through unchanged. */
export const UNKNOWN = 'Unknown';

export interface BackupsContext {
  /** DescribeBackups items carry no InstanceId: the requested one is the owner. */
  instanceId: string;
  pageNumber: number;
  pageSize: number;
}

export function normalizeBackupsPage(body: unknown, ctx: BackupsContext): BackupsPage {
  const root = unwrap(body, 'DescribeBackupsResponse');
  const backups = list(root, 'Backups', 'Backup')
    .map((raw) => normalizeBackup(raw, ctx.instanceId))
    .filter((b): b is BackupWithUrls => b !== null);
  return {
    requestId: toText(field(root, 'RequestId')),
    pageNumber: toNumber(field(root, 'PageNumber')) ?? ctx.pageNumber,
    pageSize: toNumber(field(root, 'PageSize')) ?? ctx.pageSize,
    totalCount: toNumber(field(root, 'TotalCount')) ?? backups.length,
    fullStorageSize: toNumber(field(root, 'FullStorageSize')),
    logStorageSize: toNumber(field(root, 'LogStorageSize')),
    backups,
  };
}

/**
 * Null when the item has no BackupId: such a row cannot be downloaded or linked to. A missing or unparseable
 * start time becomes the raw text (or ''), a missing size 0, missing enums `Unknown`: the model's types are
 * non-null there and a row with odd data is still worth showing.
 */
export function normalizeBackup(raw: unknown, instanceId: string): BackupWithUrls | null {
  const backupId = toId(field(raw, 'BackupId'));
  if (!asObject(raw) || !backupId) return null;
  const start = toIsoTime(field(raw, 'BackupStartTime'));
  const end = toIsoTime(field(raw, 'BackupEndTime'));
  return {
    backupId,
    backupJobId: toId(field(raw, 'BackupJobID')),
    instanceId: toId(field(raw, 'InstanceId')) ?? instanceId,
    nodeInstanceId: toId(field(raw, 'NodeInstanceId')),
    status: toText(field(raw, 'BackupStatus')) ?? UNKNOWN,
    type: toText(field(raw, 'BackupType')) ?? UNKNOWN,
    mode: toText(field(raw, 'BackupMode')) ?? UNKNOWN,
    method: toText(field(raw, 'BackupMethod')) ?? UNKNOWN,
    startTime: start ?? toText(field(raw, 'BackupStartTime')) ?? '',
    endTime: end,
    durationSeconds: secondsBetween(start, end),
    size: toNumber(field(raw, 'BackupSize')) ?? 0,
    dbNames: toText(field(raw, 'BackupDBNames')),
    engineVersion: toText(field(raw, 'EngineVersion')),
    expectExpireTime: toIsoTime(field(raw, 'ExpectExpireTime')),
    recoverConfigMode: toRecoverConfigMode(field(raw, 'RecoverConfigMode')),
    publicUrl: toHttpUrl(field(raw, 'BackupDownloadURL')),
    intranetUrl: toHttpUrl(field(raw, 'BackupIntranetDownloadURL')),
  };
}

export interface InstancesPage {
  requestId: string | null;
  pageNumber: number | null;
  pageSize: number | null;
  totalCount: number | null;
  instances: Instance[];
}

export function normalizeInstancesPage(body: unknown, regionId: string): InstancesPage {
  const root = unwrap(body, 'DescribeInstancesResponse');
  return {
    requestId: toText(field(root, 'RequestId')),
    pageNumber: toNumber(field(root, 'PageNumber')),
    pageSize: toNumber(field(root, 'PageSize')),
    totalCount: toNumber(field(root, 'TotalCount')),
    instances: list(root, 'Instances', 'KVStoreInstance')
      .map((raw) => normalizeInstance(raw, regionId))
      .filter((i): i is Instance => i !== null),
  };
}

function normalizeInstance(raw: unknown, regionId: string): Instance | null {
  const instanceId = toId(field(raw, 'InstanceId'));
  if (!asObject(raw) || !instanceId) return null;
  return {
    instanceId,
    name: toText(field(raw, 'InstanceName')) ?? instanceId,
    regionId: toText(field(raw, 'RegionId')) ?? regionId,
    zoneId: toText(field(raw, 'ZoneId')),
    status: toText(field(raw, 'InstanceStatus')) ?? UNKNOWN,
    architecture: toText(field(raw, 'ArchitectureType')) ?? UNKNOWN,
    engine: toText(field(raw, 'InstanceType')) ?? UNKNOWN,
    engineVersion: toText(field(raw, 'EngineVersion')),
    instanceClass: toText(field(raw, 'InstanceClass')),
    shardCount: toNumber(field(raw, 'ShardCount')),
    capacityMb: toNumber(field(raw, 'Capacity')),
    createdAt: toIsoTime(field(raw, 'CreateTime')),
  };
}

export function normalizeRegions(body: unknown): Region[] {
  const root = unwrap(body, 'DescribeRegionsResponse');
  return list(root, 'RegionIds', 'KVStoreRegion').flatMap((raw) => {
    const regionId = toText(field(raw, 'RegionId'));
    if (!regionId) return [];
    return [
      {
        regionId,
        localName: toText(field(raw, 'LocalName')),
        endpoint: toText(field(raw, 'RegionEndpoint')),
      },
    ];
  });
}

/** `TDEStatus` is `Enabled` or `Disable` (sic); anything else is unknown. */
export function normalizeTdeStatus(body: unknown): boolean | null {
  const status = toText(field(unwrap(body, 'DescribeInstanceTDEStatusResponse'), 'TDEStatus'));
  if (status === 'Enabled') return true;
  if (status === 'Disable' || status === 'Disabled') return false;
  return null;
}

/** The SDK hands back `{ headers, statusCode, body }`; the docs wrap the body in `{ "<Action>Response": … }`. */
export function unwrap(body: unknown, wrapper: string): unknown {
  let root = body;
  const obj = asObject(root);
  if (obj && 'statusCode' in obj && asObject(obj.body)) root = obj.body;
  const inner = asObject(field(root, wrapper));
  return inner ?? root;
}
