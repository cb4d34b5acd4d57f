import { SHARDS_PER_JOB, decodeJobId, jobId, parseSafeId } from './backup-ids';
import { RECOVER_CONFIG_MODE } from './backups';
import type { SeedInstance } from './instances';
import { hashString, unitFloat } from './prng';
import { DAY_MS, MINUTE_MS, isoSeconds } from './time-format';
import type { RawBackup } from './types';

const MB = 1024 * 1024;
const MANUAL_SHARE = 0.05;
/** Longer than any bulk backup runs, so even the newest one has finished at `now`. */
const TAIL_MS = 10 * MINUTE_MS;

/**
 * Backup number g (an absolute slot on a grid of `stepMs`) starts at g × stepMs. Slots, not positions, name
 * backups, so a restart with the same count keeps every surviving backup identical, like the other
 * instances. The step is at least 6 s (5,000,000 over a year), so every backup has its own start second and
 * therefore its own id.
 */
export interface BulkLayout {
  stepMs: number;
  /** Oldest slot, inclusive. */
  first: number;
  /** Newest slot, inclusive. */
  last: number;
}

export function bulkLayout(count: number, retentionDays: number, nowMs: number): BulkLayout {
  const stepMs = Math.floor((retentionDays * DAY_MS - TAIL_MS) / count);
  const last = Math.floor((nowMs - TAIL_MS) / stepMs);
  return { stepMs, first: last - count + 1, last };
}

/** Start in whole seconds, as BackupStartTime shows it. */
export function slotStartMs(layout: BulkLayout, g: number): number {
  return Math.floor((g * layout.stepMs) / 1000) * 1000;
}

/** The first slot whose shown start time is at or after `ms`. */
export function firstSlotFrom(layout: BulkLayout, ms: number): number {
  return Math.ceil((Math.ceil(ms / 1000) * 1000) / layout.stepMs);
}

/** Slots [lo, hi] whose start falls in [fromMs, toMs); empty when hi < lo. */
export function slotsBetween(layout: BulkLayout, fromMs: number, toMs: number): [number, number] {
  const lo = Number.isFinite(fromMs) ? Math.max(layout.first, firstSlotFrom(layout, fromMs)) : layout.first;
  const hi = Number.isFinite(toMs) ? Math.min(layout.last, firstSlotFrom(layout, toMs) - 1) : layout.last;
  return [lo, hi];
}

export interface BulkTraits {
  failed: boolean;
  manual: boolean;
  size: number;
  durationMs: number;
}

export class BulkBackups {
  readonly layout: BulkLayout;
  private readonly seed: number;

  constructor(
    private readonly instance: SeedInstance,
    nowMs: number,
  ) {
    const { plan } = instance;
    this.layout = bulkLayout(plan.count, plan.retentionDays, nowMs);
    this.seed = hashString(instance.raw.InstanceId);
  }

  /** Pure arithmetic on the slot: no state, no allocation beyond the result. */
  traits(g: number): BulkTraits {
    const { failureRate } = this.instance.plan;
    const failed = unitFloat(this.seed, g, 1) < failureRate;
    const manual = unitFloat(this.seed, g, 2) < MANUAL_SHARE;
    const size = failed ? 0 : this.sizeAt(g);
    const jitterMs = Math.floor(unitFloat(this.seed, g, 4) * 30_000);
    const durationMs = failed
      ? 5_000 + jitterMs * 2
      : 20_000 + Math.floor(size / (80 * MB)) * 1000 + jitterMs;
    return { failed, manual, size, durationMs };
  }

  /** BackupSize of slot g, for summing millions of them without building objects. */
  sizeOf(g: number): number {
    return unitFloat(this.seed, g, 1) < this.instance.plan.failureRate ? 0 : this.sizeAt(g);
  }

  backupAt(g: number): RawBackup {
    const { raw, plan } = this.instance;
    const t = this.traits(g);
    const startMs = slotStartMs(this.layout, g);
    const job = jobId(startMs, t.manual ? 1 : 0, plan.slot);
    return {
      BackupId: job * SHARDS_PER_JOB,
      BackupJobID: job,
      BackupStartTime: isoSeconds(startMs),
      BackupEndTime: isoSeconds(startMs + t.durationMs),
      BackupStatus: t.failed ? 'Failed' : 'Success',
      BackupType: 'FullBackup',
      BackupMethod: plan.method,
      BackupMode: t.manual ? 'Manual' : 'Automated',
      BackupSize: t.size,
      BackupDownloadURL: '',
      BackupIntranetDownloadURL: '',
      BackupDBNames: 'all',
      EngineVersion: raw.EngineVersion,
      NodeInstanceId: raw.InstanceId,
      RecoverConfigMode: RECOVER_CONFIG_MODE,
      ExpectExpireTime: isoSeconds(startMs + plan.retentionDays * DAY_MS),
    };
  }

  /** The slot a BackupId names, or null when it is not one of this instance's computed backups. */
  slotOf(backupId: string): number | null {
    const id = parseSafeId(backupId);
    if (id === null || id % SHARDS_PER_JOB !== 0) return null;
    const { startSec, kind, slot } = decodeJobId(id / SHARDS_PER_JOB);
    if (slot !== this.instance.plan.slot || kind > 1) return null;
    const g = firstSlotFrom(this.layout, startSec * 1000);
    if (g < this.layout.first || g > this.layout.last) return null;
    if (slotStartMs(this.layout, g) !== startSec * 1000) return null;
    return this.traits(g).manual === (kind === 1) ? g : null;
  }

  /** Sum of all computed sizes: one pass, done once. */
  totalSize(): number {
    let sum = 0;
    for (let g = this.layout.first; g <= this.layout.last; g++) sum += this.sizeOf(g);
    return sum;
  }

  private sizeAt(g: number): number {
    const [minMb, maxMb] = this.instance.plan.sizeMb;
    return Math.floor((minMb + unitFloat(this.seed, g, 3) * (maxMb - minMb)) * MB);
  }
}
