import 'server-only';
import { getKvstoreClient } from '@/lib/aliyun/client';
import type { Backup, BackupWithUrls } from '@/lib/aliyun/types';
import { ApiError } from '@/lib/api/api-error';
import { getConfig } from '@/lib/config';
import { fetchInstance } from '@/lib/instances/fetch-instances';
import { TtlCache } from '@/lib/ttl-cache';
import { toApiMinute } from './api-time';
import { fetchAllPages } from './fetch-all-pages';
import type { BackupsQuery } from './query';
import { buildView, type BackupsAnswer } from './view';

const UPSTREAM_PAGE_SIZE = 300;
/** Larger ranges are refused with a request to narrow them, rather than fetched for minutes. */
const MAX_BACKUPS_PER_RANGE = 50_000;

export interface RangeBackups {
  backups: Backup[];
  fullStorageSize: number | null;
  logStorageSize: number | null;
}

let cache: TtlCache<RangeBackups> | undefined;

function rangeCache(): TtlCache<RangeBackups> {
  cache ??= new TtlCache(getConfig().KVSTORE_CACHE_TTL_SECONDS * 1000, 32);
  return cache;
}

/** Drops the presigned URLs: list answers never carry them, only the download route does. */
function withoutUrls({ publicUrl: _p, intranetUrl: _i, ...backup }: BackupWithUrls): Backup {
  return backup;
}

/** Every backup of an instance whose start time lies in the whole-minute range, newest first. */
async function fetchRange(
  regionId: string,
  instanceId: string,
  startTime: string,
  endTime: string,
): Promise<RangeBackups> {
  const client = getKvstoreClient();
  let storage = { fullStorageSize: null as number | null, logStorageSize: null as number | null };
  const fetchAll = () =>
    fetchAllPages({
      pageSize: UPSTREAM_PAGE_SIZE,
      concurrency: getConfig().KVSTORE_PAGE_CONCURRENCY,
      maxItems: MAX_BACKUPS_PER_RANGE,
      tooMany: (n) =>
        new ApiError(
          422,
          'too_large',
          `This range holds ${n} backups, more than the ${MAX_BACKUPS_PER_RANGE} one view can show: choose a shorter range.`,
          { field: 'start' },
        ),
      fetchPage: async (pageNumber) => {
        const page = await client.describeBackups({
          regionId,
          instanceId,
          startTime,
          endTime,
          pageSize: UPSTREAM_PAGE_SIZE,
          pageNumber,
        });
        if (pageNumber === 1)
          storage = { fullStorageSize: page.fullStorageSize, logStorageSize: page.logStorageSize };
        return { totalCount: page.totalCount, items: page.backups };
      },
    });
  // A backup that appears or expires while we page shifts the list: take the range again, once.
  const firstTry = await fetchAll();
  const { items } = firstTry.consistent ? firstTry : await fetchAll();
  // If it shifted again, a repeat is still possible: keep the first of each id.
  const seen = new Set<string>();
  const backups: Backup[] = [];
  for (const b of items) {
    if (seen.has(b.backupId)) continue;
    seen.add(b.backupId);
    backups.push(withoutUrls(b));
  }
  return { backups, ...storage };
}

export async function fetchBackups(
  instanceId: string,
  query: BackupsQuery,
  scope: readonly string[] | null,
): Promise<BackupsAnswer> {
  const instance = await fetchInstance(instanceId, scope);
  const startTime = toApiMinute(query.start, 'floor');
  const endTime = toApiMinute(query.end, 'ceil');
  const range = await rangeCache().get(`${instanceId}|${startTime}|${endTime}`, () =>
    fetchRange(instance.regionId, instanceId, startTime, endTime),
  );
  const from = query.start.getTime();
  const to = query.end.getTime();
  const inRange = range.backups.filter((b) => {
    const t = Date.parse(b.startTime);
    return t >= from && t <= to;
  });
  return {
    ...buildView(inRange, query),
    storage: { full: range.fullStorageSize, log: range.logStorageSize },
    range: { start: query.start.toISOString(), end: query.end.toISOString() },
  };
}

export function clearBackupsCacheForTests(): void {
  cache = undefined;
}
