import { SHARDS_PER_JOB, parseSafeId } from './backup-ids';
import {
  matchesQuery,
  startMsOf,
  storageDelta,
  type BackupPage,
  type BackupQuery,
  type BackupStore,
  type StorageTotals,
} from './backup-store';
import { BulkBackups, firstSlotFrom, slotStartMs, slotsBetween } from './bulk-backups';
import type { SeedInstance } from './instances';
import type { RawBackup } from './types';

/**
 * The bulk instance: n backups computed from their slot, plus a small overlay of runtime changes (added,
 * changed, removed). Listing merges the two by index arithmetic, so a page costs O(page + overlay), never O(n).
 * Order: newest first; at the same second computed backups come before added ones.
 */
export function createBulkStore(instance: SeedInstance, nowMs: number): BackupStore {
  const computed = new BulkBackups(instance, nowMs);
  const { layout } = computed;
  const removed = new Set<number>();
  const changed = new Map<number, RawBackup>();
  /** Newest first. */
  const added: RawBackup[] = [];
  let baseFull: number | null = null;
  const delta: StorageTotals = { full: 0, log: 0 };

  const atSlot = (g: number): RawBackup => changed.get(g) ?? computed.backupAt(g);
  const addedIndex = (backupId: string) => added.findIndex((b) => String(b.BackupId) === backupId);
  const adjust = (d: StorageTotals) => {
    delta.full += d.full;
    delta.log += d.log;
  };

  function find(backupId: string): RawBackup | undefined {
    const a = addedIndex(backupId);
    if (a >= 0) return added[a];
    const g = computed.slotOf(backupId);
    return g === null || removed.has(g) ? undefined : atSlot(g);
  }

  /** The backup a BackupId / BackupJobId filter can only mean: every bulk job has exactly one backup. */
  function byIds(query: BackupQuery): BackupPage {
    let backupId = query.backupId;
    if (backupId === undefined) {
      const job = parseSafeId(query.jobId ?? '');
      backupId = job === null ? '' : String(job * SHARDS_PER_JOB);
    }
    const hit = find(backupId);
    return hit && matchesQuery(hit, query) ? { total: 1, rows: [hit] } : { total: 0, rows: [] };
  }

  function list(query: BackupQuery, offset: number, limit: number): BackupPage {
    if (query.backupId !== undefined || query.jobId !== undefined) {
      const one = byIds(query);
      return { total: one.total, rows: one.rows.slice(offset, offset + limit) };
    }
    const [lo, hi] = slotsBetween(layout, query.fromMs ?? -Infinity, query.toMs ?? Infinity);
    const gone = [...removed].filter((g) => g >= lo && g <= hi).sort((a, b) => b - a);
    const extra = added.filter((b) => matchesQuery(b, query));
    const baseCount = Math.max(0, hi - lo + 1) - gone.length;

    // The i-th surviving computed slot, newest first: step past every removed slot at or above it.
    const baseSlot = (i: number): number => {
      let g = hi - i;
      for (const r of gone) {
        if (r >= g) g--;
        else break;
      }
      return g;
    };
    // Computed backups that sort before an added backup starting at t (same second counts as before).
    const baseNotOlder = (t: number): number => {
      const from = Math.max(lo, firstSlotFrom(layout, t));
      return Math.max(0, hi - from + 1) - gone.filter((g) => g >= from).length;
    };

    // How many added backups precede position `offset`; the rest of the skipped rows are computed ones.
    let a = 0;
    while (a < extra.length && a + baseNotOlder(startMsOf(extra[a]!)) < offset) a++;
    let b = Math.max(0, offset - a);
    const rows: RawBackup[] = [];
    while (rows.length < limit && (b < baseCount || a < extra.length)) {
      const g = b < baseCount ? baseSlot(b) : null;
      const next = a < extra.length ? extra[a]! : null;
      if (g !== null && (next === null || slotStartMs(layout, g) >= startMsOf(next))) {
        rows.push(atSlot(g));
        b++;
      } else if (next) {
        rows.push(next);
        a++;
      }
    }
    return { total: baseCount + extra.length, rows };
  }

  return {
    list,
    find,
    storage() {
      baseFull ??= computed.totalSize();
      return { full: baseFull + delta.full, log: delta.log };
    },
    add(backup) {
      const t = startMsOf(backup);
      let at = added.findIndex((b) => startMsOf(b) < t);
      if (at < 0) at = added.length;
      added.splice(at, 0, backup);
      adjust(storageDelta(backup, 1));
    },
    replace(backup) {
      const id = String(backup.BackupId);
      const old = find(id);
      if (!old) throw new Error(`No backup ${id} to replace.`);
      const a = addedIndex(id);
      if (a >= 0) added[a] = backup;
      else changed.set(computed.slotOf(id)!, backup);
      adjust(storageDelta(old, -1));
      adjust(storageDelta(backup, 1));
    },
    remove(backupId) {
      const old = find(backupId);
      if (!old) return undefined;
      const a = addedIndex(backupId);
      if (a >= 0) added.splice(a, 1);
      else {
        const g = computed.slotOf(backupId)!;
        removed.add(g);
        changed.delete(g);
      }
      adjust(storageDelta(old, -1));
      return old;
    },
  };
}
