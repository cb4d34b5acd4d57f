import { SHARDS_PER_JOB, jobId } from './backup-ids';
import type { BackupStore } from './backup-store';
import { RECOVER_CONFIG_MODE } from './backups';
import type { SeedInstance } from './instances';
import { hashInts } from './prng';
import { DAY_MS, isoSeconds } from './time-format';
import type { RawBackup } from './types';

const MB = 1024 * 1024;
/** Default start of an added backup: a minute ago, so it has plausibly finished. */
const DEFAULT_AGE_MS = 60_000;

/** What a test may say about a backup it adds; everything else is derived from the instance. */
export interface NewBackupInput {
  /** ISO 8601; default one minute before the real current time. */
  startTime?: string;
  status?: RawBackup['BackupStatus'];
  /** Bytes; Success only (a Failed backup is always 0). Default: a size typical for the instance. */
  size?: number;
  type?: RawBackup['BackupType'];
  mode?: RawBackup['BackupMode'];
  method?: RawBackup['BackupMethod'];
  nodeInstanceId?: string;
}

export interface StatusChange {
  status: RawBackup['BackupStatus'];
  /** Bytes, Success only; default the size it had before it failed, or a typical one. */
  size?: number;
}

export type BackupChangeErrorKind = 'instance' | 'backup' | 'conflict' | 'read-only';

export class BackupChangeError extends Error {
  constructor(
    readonly kind: BackupChangeErrorKind,
    /** The body or path field at fault. */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackupChangeError';
  }
}

/** Deterministic per backup, within the instance's usual range (incrementals are always small). */
export function typicalSize(instance: SeedInstance, type: RawBackup['BackupType'], backupId: number): number {
  const [planMin, planMax] = instance.plan.sizeMb;
  const [minMb, maxMb] = type === 'IncrementalBackup' || planMax <= 0 ? [1, 12] : [planMin, planMax];
  const u = hashInts(instance.plan.slot, backupId, 7) / 4294967296;
  return Math.floor((minMb + u * (maxMb - minMb)) * MB);
}

function buildAdded(
  instance: SeedInstance,
  input: NewBackupInput,
  startMs: number,
  nowMs: number,
): RawBackup {
  const { raw, plan } = instance;
  const job = jobId(startMs, 3, plan.slot);
  const id = job * SHARDS_PER_JOB;
  const type = input.type ?? 'FullBackup';
  const failed = input.status === 'Failed';
  const size = failed ? 0 : (input.size ?? typicalSize(instance, type, id));
  const runMs = failed ? 30_000 : 20_000 + Math.floor(size / (80 * MB)) * 1000;
  // Finished by now even when it started a moment ago.
  const endMs = Math.max(startMs, Math.min(startMs + runMs, nowMs));
  return {
    BackupId: id,
    BackupJobID: job,
    BackupStartTime: isoSeconds(startMs),
    BackupEndTime: isoSeconds(endMs),
    BackupStatus: failed ? 'Failed' : 'Success',
    BackupType: type,
    BackupMethod: input.method ?? (type === 'IncrementalBackup' ? 'Physical' : plan.method),
    BackupMode: input.mode ?? 'Automated',
    BackupSize: size,
    BackupDownloadURL: '',
    BackupIntranetDownloadURL: '',
    BackupDBNames: 'all',
    EngineVersion: raw.EngineVersion,
    NodeInstanceId: input.nodeInstanceId ?? (plan.shards > 1 ? `${raw.InstanceId}-db-0` : raw.InstanceId),
    RecoverConfigMode: RECOVER_CONFIG_MODE,
    ExpectExpireTime: isoSeconds(startMs + plan.retentionDays * DAY_MS),
  };
}

export function assertWritable(instance: SeedInstance): void {
  if (instance.numbersAsStrings) {
    throw new BackupChangeError(
      'read-only',
      'instanceId',
      `${instance.raw.InstanceId} serves the documentation's example verbatim and cannot change.`,
    );
  }
}

/**
 * Adds a finished backup. Ids come from the start second with a kind of their own, so they never collide with
 * seeded backups; two added backups in the same second would, so a defaulted start steps back a second and
 * an explicit one is refused.
 */
export function addBackup(
  instance: SeedInstance,
  store: BackupStore,
  input: NewBackupInput,
  nowMs: number,
): RawBackup {
  assertWritable(instance);
  let startMs = input.startTime === undefined ? nowMs - DEFAULT_AGE_MS : Date.parse(input.startTime);
  if (Number.isNaN(startMs)) throw new Error(`Invalid startTime "${input.startTime}".`);
  for (;;) {
    const backup = buildAdded(instance, input, startMs, nowMs);
    if (!store.find(String(backup.BackupId))) {
      store.add(backup);
      return backup;
    }
    if (input.startTime !== undefined) {
      throw new BackupChangeError(
        'conflict',
        'startTime',
        `Another added backup of ${instance.raw.InstanceId} already starts at ${backup.BackupStartTime}.`,
      );
    }
    startMs -= 1000;
  }
}

export function findOrThrow(store: BackupStore, instanceId: string, backupId: string): RawBackup {
  const backup = store.find(backupId);
  if (!backup) {
    throw new BackupChangeError('backup', 'backupId', `Instance ${instanceId} has no backup ${backupId}.`);
  }
  return backup;
}

/** `lastSuccessSize` remembers sizes across Success → Failed → Success. */
export function setBackupStatus(
  instance: SeedInstance,
  store: BackupStore,
  backupId: string,
  change: StatusChange,
  lastSuccessSize: Map<string, number>,
): RawBackup {
  assertWritable(instance);
  const old = findOrThrow(store, instance.raw.InstanceId, backupId);
  const key = `${instance.raw.InstanceId}/${backupId}`;
  if (old.BackupSize > 0) lastSuccessSize.set(key, old.BackupSize);
  const size =
    change.status === 'Failed'
      ? 0
      : (change.size ?? lastSuccessSize.get(key) ?? typicalSize(instance, old.BackupType, old.BackupId));
  const updated: RawBackup = { ...old, BackupStatus: change.status, BackupSize: size };
  store.replace(updated);
  return updated;
}

export function removeBackup(instance: SeedInstance, store: BackupStore, backupId: string): RawBackup {
  assertWritable(instance);
  findOrThrow(store, instance.raw.InstanceId, backupId);
  return store.remove(backupId)!;
}

/**
 * Backups that stopped at `sinceMs`: every backup that started then or later is gone, as if it never ran. The
 * emulator takes no backups of its own after it starts, so nothing new appears until one is added.
 */
export function stopBackups(instance: SeedInstance, store: BackupStore, sinceMs: number): RawBackup[] {
  assertWritable(instance);
  const { rows } = store.list({ fromMs: sinceMs }, 0, Infinity);
  for (const b of rows) store.remove(String(b.BackupId));
  return rows;
}
