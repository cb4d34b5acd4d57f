import { matchesQuery, startMsOf, storageDelta, type BackupStore, type StorageTotals } from './backup-store';
import type { RawBackup } from './types';

export interface ListStore extends BackupStore {
  /** The live list, newest first: runtime changes show up in it. */
  all(): RawBackup[];
}

/** First index whose backup started strictly before `t` in a newest-first list. */
function insertionPoint(backups: RawBackup[], t: number): number {
  let lo = 0;
  let hi = backups.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startMsOf(backups[mid]!) >= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Backups generated once on first use (a few thousand at most), then edited in place. */
export function createListStore(generate: () => RawBackup[]): ListStore {
  let backups: RawBackup[] | null = null;
  let byId: Map<string, RawBackup> | null = null;
  let totals: StorageTotals | null = null;

  const all = (): RawBackup[] => (backups ??= generate());
  const index = (): Map<string, RawBackup> => (byId ??= new Map(all().map((b) => [String(b.BackupId), b])));
  const position = (backupId: string): number => all().findIndex((b) => String(b.BackupId) === backupId);

  return {
    all,
    list(query, offset, limit) {
      const matching = all().filter((b) => matchesQuery(b, query));
      return { total: matching.length, rows: matching.slice(offset, offset + limit) };
    },
    find: (backupId) => index().get(backupId),
    storage() {
      if (totals) return totals;
      totals = { full: 0, log: 0 };
      for (const b of all()) {
        const d = storageDelta(b, 1);
        totals.full += d.full;
        totals.log += d.log;
      }
      return totals;
    },
    add(backup) {
      // Same-second ties go after the seeded backups, as in the bulk store.
      all().splice(insertionPoint(all(), startMsOf(backup)), 0, backup);
      index().set(String(backup.BackupId), backup);
      totals = null;
    },
    replace(backup) {
      const at = position(String(backup.BackupId));
      if (at < 0) throw new Error(`No backup ${backup.BackupId} to replace.`);
      all()[at] = backup;
      index().set(String(backup.BackupId), backup);
      totals = null;
    },
    remove(backupId) {
      const at = position(backupId);
      if (at < 0) return undefined;
      const [removed] = all().splice(at, 1);
      index().delete(backupId);
      totals = null;
      return removed;
    },
  };
}
