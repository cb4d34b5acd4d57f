import 'server-only';
import { getUpstreamBudget } from '@/lib/aliyun/client';
import { asOf, needs, overlaps, type Interval } from '@/lib/backup-index/coverage';
import { getIndexDb } from '@/lib/backup-index/db';
import { cachedQueryPage } from '@/lib/backup-index/page-cache';
import { getSyncState, type SyncState } from '@/lib/backup-index/store';
import { getSyncEngine, type Sync } from '@/lib/backup-index/sync-engine';
import { ApiError } from '@/lib/api/api-error';
import { RateLimiter } from '@/lib/api/server/rate-limiter';
import type { SessionUser } from '@/lib/auth/roles';
import { getConfig } from '@/lib/config';
import { currentDeadline } from '@/lib/deadline';
import { eventLog } from '@/lib/limits/event-logs';
import { processSingleton } from '@/lib/process-singleton';
import { instanceKindOrGuess } from '@/lib/instances/fetch-instance-kind';
import { fetchInstance } from '@/lib/instances/fetch-instances';
import { jobsPage } from './list-jobs';
import type { BackupsAnswer, IndexFreshness } from './answer';
import type { BackupsQuery } from './query';

// One page of an instance's backups, from the index. A range the index has never seen waits for its sync,
// but never past KVSTORE_DEADLINE_MS from the sync's start (later polls answer at once with progress); a
// range that is only getting old answers at once and is brought up to date in the background.

/**
 * Waits for the syncs, or until each has run for the deadline, whichever comes first; never past the
 * request's own deadline (time spent on the instance list counts).
 */
async function waitForSyncs(syncs: readonly Sync[], deadlineMs: number): Promise<void> {
  if (syncs.length === 0) return;
  const until = Math.min(Math.max(...syncs.map((s) => s.startedAt + deadlineMs)), currentDeadline());
  const waitMs = until - Date.now();
  if (waitMs <= 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    Promise.all(syncs.map((s) => s.done)),
    new Promise((resolve) => (timer = setTimeout(resolve, waitMs))),
  ]);
  clearTimeout(timer);
}

export function intervalOf(query: Pick<BackupsQuery, 'start' | 'end'>): Interval {
  return { start: query.start.getTime(), end: query.end.getTime() + 1 };
}

/**
 * Brings the index up to date for the query's range as far as the deadline allows (`force`: re-reads the
 * whole range, dropping backups Alibaba Cloud no longer lists), and says how current it is.
 */
export async function syncRange(
  instanceId: string,
  query: Pick<BackupsQuery, 'start' | 'end'>,
  scope: readonly string[] | null,
  options: { force?: boolean; wait?: boolean } = {},
): Promise<IndexFreshness> {
  return (await syncAndDescribe(instanceId, query, scope, options)).freshness;
}

async function syncAndDescribe(
  instanceId: string,
  query: Pick<BackupsQuery, 'start' | 'end'>,
  scope: readonly string[] | null,
  { force = false, wait = true }: { force?: boolean; wait?: boolean },
): Promise<{ freshness: IndexFreshness; state: SyncState | undefined }> {
  const config = getConfig();
  const instance = await fetchInstance(instanceId, scope);
  const engine = getSyncEngine();
  const want = intervalOf(query);
  const plan = await engine.plan(instanceId, instance.regionId, want, force);
  if (wait && (plan.cold || force)) await waitForSyncs(plan.syncs, config.KVSTORE_DEADLINE_MS);

  const db = await getIndexDb();
  const [pieces, state] = await Promise.all([engine.coverageOf(instanceId), getSyncState(db, instanceId)]);
  const now = Date.now();
  const shown = { start: want.start, end: Math.min(want.end, now) };
  const { missing, stale } = needs(
    pieces,
    shown,
    now,
    config.INDEX_FRESH_SECONDS * 1000,
    config.INDEX_EDGE_MINUTES * 60_000,
  );
  const behind = missing.length > 0 || stale.length > 0;
  const failing = state?.last_error_ms != null && state.last_error_ms > (state.last_success_ms ?? 0);
  const confirmed = asOf(pieces, want, config.INDEX_EDGE_MINUTES * 60_000);
  // Alibaba Cloud throttled us and every call waits out a pause (up to 30 s): a refresh cannot get through
  // now, which is as much news as one that failed.
  const paused = getUpstreamBudget().isPaused();
  const failed = plan.syncs.find((s) => s.error !== null);
  // Nothing of this range was ever indexed and Alibaba Cloud failed: there is nothing to show but the error.
  if (failed && confirmed === null) throw failed.error;

  const running = engine.syncsOf(instanceId).filter((s) => overlaps(s.interval, want));
  // A refresh answers for its own reads; a listing, for any refresh of the range (not background updates).
  const reading = force ? plan.syncs.filter((s) => running.includes(s)) : running.filter((s) => s.forRefresh);
  const freshness: IndexFreshness = {
    asOf: confirmed === null ? null : new Date(confirmed).toISOString(),
    // While a first sync of the range runs, its progress, not an earlier failure, is the news.
    stale: behind && (failing || paused) && !(plan.cold && running.length > 0),
    lastError:
      state?.last_error_ms != null && state.last_error_code && state.last_error_message
        ? {
            code: state.last_error_code,
            message: state.last_error_message,
            requestId: state.last_error_request_id,
            at: new Date(state.last_error_ms).toISOString(),
          }
        : null,
    syncing:
      plan.cold && running.length > 0
        ? {
            fetched: running.reduce((n, s) => n + s.fetched, 0),
            total: running.some((s) => s.total === null)
              ? null
              : running.reduce((n, s) => n + (s.total ?? 0), 0),
          }
        : null,
    refreshing: reading.length > 0,
  };
  return { freshness, state };
}

/** `wait: false` (the page's server render) answers with what the index holds now, syncing or not. */
export async function listBackups(
  instanceId: string,
  query: BackupsQuery,
  scope: readonly string[] | null,
  { wait = true }: { wait?: boolean } = {},
): Promise<BackupsAnswer> {
  const { freshness, state } = await syncAndDescribe(instanceId, query, scope, { wait });
  const kind = await instanceKindOrGuess(await fetchInstance(instanceId, scope));
  const db = await getIndexDb();
  const page = await cachedQueryPage(db, instanceId, query);
  // Grouped by job only where a job is one backup per shard; a cloud-native set is already one row.
  const grouped = query.group === 'job' && kind.kind === 'classic-cluster';
  return {
    ...page,
    ...(grouped ? await jobsPage(db, instanceId, query, kind) : {}),
    kind,
    ...freshness,
    storage: { full: state?.full_storage ?? null, log: state?.log_storage ?? null },
    range: { start: query.start.toISOString(), end: query.end.toISOString() },
  };
}

const REFRESHES_PER_MINUTE = 6;

/**
 * The Refresh button: re-reads the whole range from Alibaba Cloud now (within the deadline), dropping
 * backups it no longer lists. A few a minute per user, so nobody can spend the upstream budget by clicking.
 */
export async function refreshBackups(
  instanceId: string,
  query: Pick<BackupsQuery, 'start' | 'end'>,
  user: SessionUser,
): Promise<IndexFreshness> {
  const limiter = processSingleton(
    'refresh-limiter',
    () => new RateLimiter(REFRESHES_PER_MINUTE, { events: eventLog('refresh'), name: 'refresh' }),
  );
  const wait = await limiter.take(user.name);
  if (wait > 0)
    throw new ApiError(
      429,
      'throttled',
      `Refreshed often enough for now: try again in ${wait} seconds.`,
      {},
      wait,
    );
  return syncRange(instanceId, query, user.scope, { force: true });
}
