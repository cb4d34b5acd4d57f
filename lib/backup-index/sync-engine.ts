import 'server-only';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { getKvstoreClient, type KvstoreClient } from '@/lib/aliyun/client';
import { toAliyunError } from '@/lib/aliyun/errors';
import type { Backup, BackupWithUrls, InstanceKind } from '@/lib/aliyun/types';
import { getConfig } from '@/lib/config';
import { usesPostgres } from '@/lib/db/database';
import { toMinute } from '@/lib/dates';
import { detached } from '@/lib/deadline';
import { fetchInstanceKind } from '@/lib/instances/fetch-instance-kind';
import { dropProcessSingleton, processSingleton } from '@/lib/process-singleton';
import { needs, overlaps, subtract, union, type Interval, type Piece } from './coverage';
import { getIndexDb, type IndexDb } from './db';
import { upsertSets } from './sets-store';
import { completeSync, loadCoverage, purgeExpired, recordError, recordSuccess, upsertBackups } from './store';
import {
  claimLeases,
  findLeases,
  releaseLeases,
  renewLeases,
  RENEW_EVERY_MS,
  type Lease,
} from './sync-leases';

// Keeps the index in step with DescribeBackups. A request says which interval of an instance it shows;
// the engine syncs what the index has never seen (the gaps) and what may have changed since (the stale
// recent edge), never the same interval twice at once, and tells the caller what it may wait for. Replicas
// sharing one database take a lease on an interval before they sync it (sync-leases.ts): what another
// replica holds is waited for, and taken over if its holder stops renewing.

const PAGE_SIZE = 300;
/** DescribeClusterBackupList: a set a day is usual, so one or two pages cover a month. */
const SET_PAGE_SIZE = 100;
const MINUTE_MS = 60_000;
/** Ranges larger than this are synced in time slices, each recorded as soon as it is complete. */
const SLICE_ROWS = 30_000;
/** How often a replica waiting on another's lease looks whether it is done or ran out. */
const LEASE_POLL_MS = 250;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Intersection of two sets of intervals. */
const within = (a: readonly Interval[], b: readonly Interval[]) => subtract(a, subtract(a, b));

export interface Sync {
  instanceId: string;
  interval: Interval;
  startedAt: number;
  fetched: number;
  total: number | null;
  done: Promise<void>;
  error: unknown;
  /** A Refresh started it or waits on it: the range is read again on purpose, not as a background update. */
  forRefresh: boolean;
}

export interface Plan {
  /** Part of the interval has never been indexed: an answer now would miss rows. */
  cold: boolean;
  /** The syncs this interval waits on (already running or just started). */
  syncs: Sync[];
}

interface EngineSettings {
  freshMs: number;
  edgeMs: number;
  workers: number;
  /** Other replicas write the coverage too (PostgreSQL): it is read anew each time, never kept. */
  shared: boolean;
}

function settingsFromConfig(): EngineSettings {
  const c = getConfig();
  return {
    freshMs: c.INDEX_FRESH_SECONDS * 1000,
    edgeMs: c.INDEX_EDGE_MINUTES * MINUTE_MS,
    workers: c.KVSTORE_BURST ?? c.KVSTORE_MAX_QPS,
    shared: usesPostgres(),
  };
}

function withoutUrls({ publicUrl: _p, intranetUrl: _i, ...backup }: BackupWithUrls): Backup {
  return backup;
}

export class SyncEngine {
  /** Each instance's coverage, read from the database once and then kept here (unless shared). */
  private readonly pieces = new Map<string, Piece[]>();
  private readonly loading = new Map<string, Promise<Piece[]>>();
  private readonly running = new Map<string, Sync[]>();
  /** Bumped on every write of an instance's rows or sync state; `epoch` on writes that touch every instance. */
  private readonly versions = new Map<string, number>();
  private epoch = 0;
  private readonly settled = new Set<(instanceId: string) => void>();
  /** This process, as the holder of its sync leases. */
  readonly holder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly settings: EngineSettings,
    private readonly client: () => KvstoreClient = getKvstoreClient,
    private readonly db: () => Promise<IndexDb> = getIndexDb,
    /** Which API serves the instance, and whether it has log backups (DescribeInstanceAttribute, cached). */
    private readonly kindOf: (
      instanceId: string,
      regionId: string,
    ) => Promise<InstanceKind> = fetchInstanceKind,
  ) {}

  async coverageOf(instanceId: string): Promise<Piece[]> {
    if (this.settings.shared) return loadCoverage(await this.db(), instanceId);
    const known = this.pieces.get(instanceId);
    if (known) return known;
    let load = this.loading.get(instanceId);
    if (!load) {
      load = this.db().then((db) => loadCoverage(db, instanceId));
      this.loading.set(instanceId, load);
      load.then(
        (p) => {
          if (!this.pieces.has(instanceId)) this.pieces.set(instanceId, p);
        },
        () => undefined,
      );
      void load.finally(() => this.loading.delete(instanceId)).catch(() => undefined);
    }
    await load;
    return this.pieces.get(instanceId) ?? [];
  }

  /**
   * Changes whenever this engine (the index's only writer in this process) writes the instance's rows or
   * sync state: answers computed from the index may be reused while it stays the same.
   */
  version(instanceId: string): string {
    return `${this.epoch}.${this.versions.get(instanceId) ?? 0}`;
  }

  /** Call after writing anything of the instance that a page shows (the engine does for its own writes). */
  changed(instanceId: string): void {
    this.versions.set(instanceId, (this.versions.get(instanceId) ?? 0) + 1);
  }

  /** Drops the backups past their retention, across instances (the warmer's chore). */
  async purgeExpired(now: number): Promise<number> {
    const dropped = await purgeExpired(await this.db(), now);
    if (dropped > 0) this.epoch++;
    return dropped;
  }

  /** Calls `listener` after every sync ends, successful or not (the health monitor re-evaluates then). */
  onSettled(listener: (instanceId: string) => void): () => void {
    this.settled.add(listener);
    return () => this.settled.delete(listener);
  }

  syncsOf(instanceId: string): readonly Sync[] {
    return this.running.get(instanceId) ?? [];
  }

  /** Settles when no sync is running (tests, and a shutdown that wants the index consistent). */
  async idle(): Promise<void> {
    for (let all = [...this.running.values()].flat(); all.length > 0; all = [...this.running.values()].flat())
      await Promise.all(all.map((s) => s.done));
  }

  /**
   * Starts whatever `want` needs: the gaps, the stale edge, or (force) all of it, minus what is already
   * being synced. Returns at once; the caller decides how long to wait.
   */
  async plan(instanceId: string, regionId: string, want: Interval, force = false): Promise<Plan> {
    const pieces = await this.coverageOf(instanceId);
    // From here to the end nothing awaits, so two requests cannot both start the same interval.
    const now = Date.now();
    const w = { start: want.start, end: Math.min(want.end, now) };
    if (w.end <= w.start) return { cold: false, syncs: [] };
    const { missing, stale } = needs(pieces, w, now, this.settings.freshMs, this.settings.edgeMs);
    const needed = union(force ? [w] : [...missing, ...stale]);
    const running = this.syncsOf(instanceId).filter((s) => needed.some((n) => overlaps(n, s.interval)));
    const started = subtract(
      needed,
      running.map((s) => s.interval),
    ).map((interval) => this.start(instanceId, regionId, interval));
    if (force) for (const s of [...running, ...started]) s.forRefresh = true;
    return { cold: missing.length > 0, syncs: [...running, ...started] };
  }

  private start(instanceId: string, regionId: string, interval: Interval): Sync {
    const sync: Sync = {
      instanceId,
      interval,
      startedAt: Date.now(),
      fetched: 0,
      total: null,
      error: null,
      forRefresh: false,
      done: Promise.resolve(),
    };
    this.running.set(instanceId, [...this.syncsOf(instanceId), sync]);
    sync.done = detached(() => this.run(sync, regionId))
      .catch((err: unknown) => {
        sync.error = err;
      })
      .finally(() => {
        const left = this.syncsOf(instanceId).filter((s) => s !== sync);
        if (left.length > 0) this.running.set(instanceId, left);
        else this.running.delete(instanceId);
        for (const listener of this.settled) listener(instanceId);
      });
    return sync;
  }

  private async run(sync: Sync, regionId: string): Promise<void> {
    const db = await this.db();
    try {
      let todo: Interval[] = [sync.interval];
      let storage: { full: number | null; log: number | null } | null = null;
      while (todo.length > 0) {
        const { mine, theirs } = await claimLeases(db, sync.instanceId, todo, this.holder);
        if (mine.length > 0) storage = await this.syncLeased(db, sync, regionId, mine);
        // What another replica holds: wait for it (its writes change what this one's pages show); what a
        // dead one held: take over.
        todo = within(todo, await this.outlive(db, sync, theirs));
        if (theirs.length > 0) this.changed(sync.instanceId);
      }
      if (storage) await recordSuccess(db, sync.instanceId, Date.now(), storage);
    } catch (err) {
      const e = toAliyunError(err);
      await recordError(db, sync.instanceId, Date.now(), {
        code: e.code ?? e.kind,
        message: e.message,
        requestId: e.requestId,
      }).catch(() => undefined);
      throw err;
    } finally {
      this.changed(sync.instanceId);
    }
  }

  /** Syncs the leased intervals, renewing the leases meanwhile; drops them when done, whatever happened. */
  private async syncLeased(db: IndexDb, sync: Sync, regionId: string, leases: Lease[]) {
    const ids = leases.map((l) => l.id);
    const renew = setInterval(() => {
      renewLeases(db, ids, { fetched: sync.fetched, total: sync.total }).catch(() => undefined);
    }, RENEW_EVERY_MS);
    renew.unref?.();
    try {
      // Asked only once the leases are taken: a claim must follow the plan at once, or a replica that
      // asked at the same moment may have finished and released the interval, and it would be fetched twice.
      const kind = await this.kindOf(sync.instanceId, regionId);
      let storage: { full: number | null; log: number | null } | null = null;
      for (const { start, end } of leases) {
        storage =
          kind.kind === 'cloud-native-cluster'
            ? await this.syncSets(db, sync, regionId, { start, end })
            : await this.syncInterval(db, sync, regionId, { start, end }, true, kind.logStartTime !== null);
      }
      return storage;
    } finally {
      clearInterval(renew);
      await releaseLeases(db, ids).catch(() => undefined);
    }
  }

  /**
   * Waits until other replicas' leases are gone (their syncs are done) or ran out (their holders died),
   * showing their progress as this sync's; returns the intervals of the ones that ran out.
   */
  private async outlive(db: IndexDb, sync: Sync, theirs: Lease[]): Promise<Interval[]> {
    const own = { fetched: sync.fetched, total: sync.total ?? 0 };
    const dead: Interval[] = [];
    for (let watching = theirs; watching.length > 0;) {
      await sleep(LEASE_POLL_MS);
      const now = Date.now();
      const found = await findLeases(
        db,
        watching.map((l) => l.id),
      );
      dead.push(...found.filter((l) => l.expiresMs <= now).map(({ start, end }) => ({ start, end })));
      watching = found.filter((l) => l.expiresMs > now);
      sync.fetched = own.fetched + watching.reduce((n, l) => n + l.fetched, 0);
      sync.total = watching.some((l) => l.total === null)
        ? null
        : own.total + watching.reduce((n, l) => n + (l.total ?? 0), 0);
    }
    return dead;
  }

  /** One interval: its first page says how big it is; a big one is synced slice by slice, newest first. */
  private async syncInterval(
    db: IndexDb,
    sync: Sync,
    regionId: string,
    interval: Interval,
    top: boolean,
    needAof: boolean,
  ): Promise<{ full: number | null; log: number | null }> {
    const { startTime, endTime } = minuteWindow(interval);
    const client = this.client();
    const page = (pageNumber: number) =>
      client.describeBackups({
        regionId,
        instanceId: sync.instanceId,
        startTime,
        endTime,
        pageSize: PAGE_SIZE,
        pageNumber,
        needAof,
      });

    const syncedAt = Date.now();
    const first = await page(1);
    const storage = { full: first.fullStorageSize, log: first.logStorageSize };
    if (top) sync.total = (sync.total ?? 0) + first.totalCount;
    const slices = Math.ceil(first.totalCount / SLICE_ROWS);
    if (top && slices > 1 && interval.end - interval.start > slices * MINUTE_MS * 2) {
      const step = Math.ceil((interval.end - interval.start) / slices / MINUTE_MS) * MINUTE_MS;
      for (let end = interval.end; end > interval.start; end -= step) {
        await this.syncInterval(
          db,
          sync,
          regionId,
          { start: Math.max(interval.start, end - step), end },
          false,
          needAof,
        );
      }
      return storage;
    }

    const seen = new Set<string>();
    let consistent = true;
    const keep = async (backups: BackupWithUrls[]) => {
      for (const b of backups) seen.add(b.backupId);
      // Each page's days are counted as it is written, so totals and facets keep up with the rows.
      await upsertBackups(db, sync.instanceId, backups.map(withoutUrls));
      this.changed(sync.instanceId);
      sync.fetched += backups.filter((b) => {
        const t = Date.parse(b.startTime);
        return t >= interval.start && t < interval.end;
      }).length;
    };
    const pageCount = Math.ceil(first.totalCount / PAGE_SIZE);
    let next = 2;
    let failed = false;
    const worker = async () => {
      while (!failed && next <= pageCount) {
        const p = await page(next++).catch((err: unknown) => {
          failed = true;
          throw err;
        });
        if (p.totalCount !== first.totalCount) consistent = false;
        await keep(p.backups);
      }
    };
    // The other pages are asked for before the first is written, so the writing overlaps the waiting. On a
    // failure what was written stays (it is real) but the interval is not recorded as complete.
    const workers = Array.from({ length: Math.min(this.settings.workers, pageCount - 1) }, worker);
    await keep(first.backups);
    await Promise.all(workers);

    // A backup that appeared or expired while we paged shifts the pages: a row may have been missed, so
    // this interval is not recorded as complete and nothing is dropped; the next request syncs it again.
    await this.complete(db, sync.instanceId, interval, syncedAt, consistent ? seen : null);
    return storage;
  }

  /** Records `interval` as known as of `syncedAt`, dropping what it no longer holds (`seen`: null keeps all). */
  private async complete(
    db: IndexDb,
    instanceId: string,
    interval: Interval,
    syncedAt: number,
    seen: ReadonlySet<string> | null,
  ): Promise<void> {
    const covered = { start: interval.start, end: Math.min(interval.end, syncedAt) };
    const pieces = await completeSync(
      db,
      instanceId,
      covered,
      seen ? { seen, synced: syncedAt } : null,
      this.settings.edgeMs,
    );
    if (!this.settings.shared) this.pieces.set(instanceId, pieces);
    this.changed(instanceId);
  }

  /**
   * A cloud-native cluster: DescribeClusterBackupList, page after page until a short one (it gives no
   * total). Sets are few (about one a day), so there are no slices.
   */
  private async syncSets(
    db: IndexDb,
    sync: Sync,
    regionId: string,
    interval: Interval,
  ): Promise<{ full: number | null; log: number | null }> {
    const { startTime, endTime } = minuteWindow(interval);
    const client = this.client();
    const syncedAt = Date.now();
    const seen = new Set<string>();
    let storage: { full: number | null; log: number | null } = { full: null, log: null };
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await client.describeClusterBackupList({
        regionId,
        instanceId: sync.instanceId,
        startTime,
        endTime,
        pageSize: SET_PAGE_SIZE,
        pageNumber,
      });
      storage = { full: page.fullStorageSize, log: page.logStorageSize };
      const fresh = page.sets.filter((s) => !seen.has(s.setId));
      for (const s of fresh) seen.add(s.setId);
      await upsertSets(db, sync.instanceId, fresh);
      this.changed(sync.instanceId);
      sync.fetched += fresh.length;
      // A short page is the last; a page of nothing new means the upstream ignores PageNumber.
      if (page.sets.length < SET_PAGE_SIZE || fresh.length === 0) break;
    }
    await this.complete(db, sync.instanceId, interval, syncedAt, seen);
    return storage;
  }
}

/** DescribeBackups and DescribeClusterBackupList take whole minutes, at least two, the end minute included. */
function minuteWindow(interval: Interval): { startTime: string; endTime: string } {
  const fetchEnd = Math.ceil(interval.end / MINUTE_MS) * MINUTE_MS;
  const fetchStart = Math.min(Math.floor(interval.start / MINUTE_MS) * MINUTE_MS, fetchEnd - 2 * MINUTE_MS);
  return { startTime: toMinute(fetchStart), endTime: toMinute(fetchEnd - MINUTE_MS) };
}

export function getSyncEngine(): SyncEngine {
  return processSingleton('sync-engine', () => new SyncEngine(settingsFromConfig()));
}

export function resetSyncEngineForTests(): void {
  dropProcessSingleton('sync-engine');
}
