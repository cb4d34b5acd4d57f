import 'server-only';
import { getKvstoreClient } from '@/lib/aliyun/client';
import { EARLIEST, toMinute } from '@/lib/dates';
import { fetchInstance } from '@/lib/instances/fetch-instances';
import { processSingleton } from '@/lib/process-singleton';
import { TtlCache } from '@/lib/ttl-cache';

// When a range holds no backups, the newest backup before it: so an empty page can offer "Show the latest
// backups (2019-03-14)" instead of wider ranges that are just as empty. DescribeBackups has no sort, so the
// search steps back through widening windows (one call each) to the first that has any, then halves that
// window until one page holds all of its backups.

const MINUTE = 60_000;
const DAY = 86_400_000;
const PAGE_SIZE = 300;
/** How far back each window reaches from the range's start: a week, a month, … sixteen years. */
const WINDOW_DAYS = [7, 30, 90, 365, 2 * 365, 4 * 365, 8 * 365, 16 * 365];

export interface LatestBackup {
  /** The newest backup's start time before the range (ISO), or null when there is none since 2010. */
  latest: string | null;
}

const cache = () =>
  processSingleton('latest-backup-cache', () => new TtlCache<LatestBackup>(5 * 60_000, 500));

/** `before` is taken to its minute (DescribeBackups' precision): a range's start always is one. */
export async function findLatestBackup(
  instanceId: string,
  before: Date,
  scope: readonly string[] | null,
): Promise<LatestBackup> {
  const { regionId } = await fetchInstance(instanceId, scope);
  const end = Math.floor(before.getTime() / MINUTE) * MINUTE;
  return cache().get(`${instanceId} ${end}`, () => search(regionId, instanceId, end));
}

async function search(regionId: string, instanceId: string, before: number): Promise<LatestBackup> {
  const client = getKvstoreClient();
  // [start, end): whole minutes, DescribeBackups' EndTime minute included.
  const page = (start: number, end: number) =>
    client.describeBackups({
      regionId,
      instanceId,
      startTime: toMinute(start),
      endTime: toMinute(end - MINUTE),
      pageSize: PAGE_SIZE,
      pageNumber: 1,
    });

  let end = before;
  for (const days of WINDOW_DAYS) {
    const start = Math.max(EARLIEST, before - days * DAY);
    if (end - start < 2 * MINUTE) break;
    let first = await page(start, end);
    if (first.totalCount > 0) {
      // Narrow to the newest part of the window until one page holds it all.
      let from = start;
      while (first.totalCount > first.backups.length && end - from > 4 * MINUTE) {
        const mid = Math.floor((from + end) / 2 / MINUTE) * MINUTE;
        const later = await page(mid, end);
        if (later.totalCount > 0) {
          from = mid;
          first = later;
        } else {
          end = mid;
        }
      }
      const newest = Math.max(...first.backups.map((b) => Date.parse(b.startTime)).filter(Number.isFinite));
      return { latest: Number.isFinite(newest) ? new Date(newest).toISOString() : null };
    }
    end = start;
  }
  return { latest: null };
}
