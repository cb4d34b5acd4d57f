import 'server-only';
import { getKvstoreClient } from '@/lib/aliyun/client';
import { gaps } from '@/lib/backup-index/coverage';
import { getIndexDb } from '@/lib/backup-index/db';
import { getSyncEngine } from '@/lib/backup-index/sync-engine';
import { EARLIEST, toMinute } from '@/lib/dates';
import { beforeDeadline } from '@/lib/deadline';
import { fetchInstanceKind } from '@/lib/instances/fetch-instance-kind';
import { fetchInstance } from '@/lib/instances/fetch-instances';
import { processSingleton } from '@/lib/process-singleton';
import { TtlCache } from '@/lib/ttl-cache';

// When a range holds no backups, the newest backup before it: so an empty page can offer "Show the latest
// backups (2019-03-14)" instead of wider ranges that are just as empty.
// - The index answers when it covers everything from its newest backup before the range up to the range:
//   no call to Alibaba Cloud.
// - Otherwise DescribeBackups, which has no sort: the search steps back through widening windows (one call
//   each) to the first that has any, then halves that window until one page holds all of its backups.
// - A cloud-native cluster's sets are not in DescribeBackups: its windows are synced into the index instead,
//   which then answers (and already holds the backups the offer leads to).

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
  return cache().get(`${instanceId} ${end}`, async () => {
    const known = await fromIndex(instanceId, end);
    if (known) return known;
    const { kind } = await fetchInstanceKind(instanceId, regionId);
    return kind === 'cloud-native-cluster'
      ? syncBackwards(regionId, instanceId, end)
      : search(regionId, instanceId, end);
  });
}

/** The newest indexed backup before `end`, when the index covers everything from it (or 2010) to `end`. */
async function fromIndex(instanceId: string, end: number): Promise<LatestBackup | null> {
  const db = await getIndexDb();
  const [row, pieces] = await Promise.all([
    db
      .selectFrom('backups')
      .select('start_ms')
      .where('instance_id', '=', instanceId)
      .where('start_ms', '<', end)
      .orderBy('start_ms', 'desc')
      .limit(1)
      .executeTakeFirst(),
    getSyncEngine().coverageOf(instanceId),
  ]);
  const from = row?.start_ms ?? EARLIEST;
  if (gaps(pieces, { start: from, end }).length > 0) return null;
  return { latest: row ? new Date(row.start_ms).toISOString() : null };
}

/** Syncs widening windows before `end` into the index until one holds a backup (or 2010 is reached). */
async function syncBackwards(regionId: string, instanceId: string, end: number): Promise<LatestBackup> {
  const engine = getSyncEngine();
  for (const days of WINDOW_DAYS) {
    const start = Math.max(EARLIEST, end - days * DAY);
    const plan = await engine.plan(instanceId, regionId, { start, end });
    await beforeDeadline(
      Promise.all(plan.syncs.map((s) => s.done)),
      'the search for the latest backup is still running; try again in a moment.',
    );
    const failed = plan.syncs.find((s) => s.error !== null);
    if (failed) throw failed.error;
    const known = await fromIndex(instanceId, end);
    if (known?.latest || start === EARLIEST) return known ?? { latest: null };
  }
  return { latest: null };
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
