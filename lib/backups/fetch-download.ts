import 'server-only';
import { getKvstoreClient } from '@/lib/aliyun/client';
import { ApiError } from '@/lib/api/api-error';
import { getConfig } from '@/lib/config';
import { toMinute } from '@/lib/dates';
import { beforeDeadline } from '@/lib/deadline';
import type { BackupWithUrls } from '@/lib/aliyun/types';
import { getIndexDb } from '@/lib/backup-index/db';
import { findNode } from '@/lib/backup-index/sets-store';
import { instanceKindWithin } from '@/lib/instances/fetch-instance-kind';
import { fetchInstance } from '@/lib/instances/fetch-instances';

export interface DownloadLink {
  url: string;
  fileName: string;
  expiresAt?: string;
}

// DescribeBackups requires a time window even when asking for one BackupId; this one covers
// any backup Alibaba Cloud can still hold.
export const ANY_TIME_START = '2010-01-01T00:00Z';

const isAlibabaHost = (url: URL) => url.hostname.endsWith('.aliyuncs.com');

/**
 * Where a presigned URL may send a browser: an Alibaba Cloud host over https on its default port, or the
 * exact origin of the endpoint we are configured to use (the emulator speaks plain http). Never a URL with
 * credentials in it.
 */
export function isAllowedDownloadHost(url: URL, endpoint: string | undefined): boolean {
  if (url.username || url.password) return false;
  if (url.protocol === 'https:' && url.port === '' && isAlibabaHost(url)) return true;
  return endpoint !== undefined && new URL(endpoint).origin === url.origin;
}

/**
 * Alibaba Cloud hands out intranet URLs (and sometimes public ones) as http. OSS answers every endpoint over
 * https and the signature does not cover the scheme, so the same URL over https works and is never readable
 * on the way.
 */
export function upgradeAlibabaUrl(url: URL): URL {
  if (url.protocol !== 'http:' || !isAlibabaHost(url)) return url;
  const secure = new URL(url);
  secure.protocol = 'https:';
  return secure;
}

function fileNameFrom(url: URL, fallback: string): string {
  const segment = url.pathname.split('/').pop() ?? '';
  let last: string;
  try {
    last = decodeURIComponent(segment);
  } catch {
    last = segment;
  }
  const safe = last.replace(/[^A-Za-z0-9._-]/g, '_');
  return safe && safe !== '_' ? safe : fallback;
}

/** OSS V1 presigned URLs carry `Expires` (unix seconds); V4 ones `x-oss-date` + `x-oss-expires`. */
function expiryOf(url: URL): string | undefined {
  const v1 = url.searchParams.get('Expires');
  if (v1 && /^\d+$/.test(v1)) return new Date(Number(v1) * 1000).toISOString();
  const date = url.searchParams.get('x-oss-date');
  const seconds = url.searchParams.get('x-oss-expires');
  const m = date?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  if (m && seconds && /^\d+$/.test(seconds)) {
    return new Date(
      Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) + Number(seconds) * 1000,
    ).toISOString();
  }
  return undefined;
}

/**
 * Asks Alibaba Cloud again for one backup, so its presigned URLs are fresh. A cloud-native cluster's node backup
 * is asked for through its set.
 */
export async function fetchFreshBackup(
  instanceId: string,
  backupId: string,
  scope: readonly string[] | null,
): Promise<BackupWithUrls> {
  const instance = await fetchInstance(instanceId, scope);
  const kind = await instanceKindWithin(instance);
  const backup =
    kind.kind === 'cloud-native-cluster'
      ? await freshNodeBackup(instance.regionId, instanceId, backupId)
      : (
          await beforeDeadline(
            getKvstoreClient().describeBackups({
              regionId: instance.regionId,
              instanceId,
              backupId,
              startTime: ANY_TIME_START,
              endTime: toMinute(Date.now() + 86_400_000),
              pageSize: 30,
              pageNumber: 1,
              needAof: kind.logStartTime !== null,
            }),
            `no fresh download link for backup ${backupId}; try again.`,
          )
        ).backups.find((b) => b.backupId === backupId);
  if (!backup)
    throw new ApiError(404, 'not_found', `Backup ${backupId} of instance ${instanceId} was not found.`);
  return backup;
}

/** The backup's presigned URL of that variant, checked to point where a download may go. */
export function downloadUrlOf(backup: BackupWithUrls, variant: 'public' | 'intranet'): URL {
  const { backupId } = backup;
  if (backup.status !== 'Success') {
    throw new ApiError(
      409,
      'conflict',
      `Backup ${backupId} has status ${backup.status}: there is no file to download.`,
    );
  }
  const raw = variant === 'public' ? backup.publicUrl : backup.intranetUrl;
  if (!raw || !URL.canParse(raw)) {
    throw new ApiError(
      502,
      'bad_upstream',
      `Alibaba Cloud returned no usable ${variant} download URL for backup ${backupId}.`,
    );
  }
  const url = upgradeAlibabaUrl(new URL(raw));
  if (!isAllowedDownloadHost(url, getConfig().KVSTORE_ENDPOINT)) {
    throw new ApiError(
      502,
      'bad_upstream',
      `The ${variant} download URL for backup ${backupId} points at ${url.host}, which is neither Alibaba Cloud over https nor the configured endpoint; refusing to send you there.`,
    );
  }
  return url;
}

/** Checks where a fresh presigned URL points and shapes it as the download route hands it out. */
export function checkedLink(
  backup: BackupWithUrls,
  instanceId: string,
  variant: 'public' | 'intranet',
): DownloadLink {
  const url = downloadUrlOf(backup, variant);
  return {
    url: url.toString(),
    fileName: fileNameFrom(url, `${instanceId}_${backup.backupId}.rdb`),
    expiresAt: expiryOf(url),
  };
}

/** A fresh presigned URL for one backup, checked to point where a download may go. */
export async function fetchDownloadLink(
  instanceId: string,
  backupId: string,
  variant: 'public' | 'intranet',
  scope: readonly string[] | null,
): Promise<DownloadLink> {
  return checkedLink(await fetchFreshBackup(instanceId, backupId, scope), instanceId, variant);
}

/** A node backup, fresh from its set (the index knows which set and when it started). */
async function freshNodeBackup(
  regionId: string,
  instanceId: string,
  backupId: string,
): Promise<BackupWithUrls | undefined> {
  const node = await findNode(await getIndexDb(), instanceId, backupId);
  if (!node?.backupJobId) return undefined;
  const nodes = await freshSetNodes(regionId, instanceId, node.backupJobId, node.startTime);
  return nodes.find((n) => n.backupId === backupId);
}

/** Every node of one set with fresh URLs: DescribeClusterBackupList for that ClusterBackupId around its start. */
export async function freshSetNodes(
  regionId: string,
  instanceId: string,
  setId: string,
  startTime: string,
): Promise<BackupWithUrls[]> {
  const at = Date.parse(startTime);
  const page = await beforeDeadline(
    getKvstoreClient().describeClusterBackupList({
      regionId,
      instanceId,
      clusterBackupId: setId,
      startTime: toMinute(at - 86_400_000),
      endTime: toMinute(at + 86_400_000),
      pageSize: 5,
      pageNumber: 1,
    }),
    `no fresh download links for backup set ${setId}; try again.`,
  );
  return page.sets.find((s) => s.setId === setId)?.nodes ?? [];
}
