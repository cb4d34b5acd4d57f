const ID_EPOCH_S = Date.UTC(2010, 0, 1) / 1000;

/** 0 automated, 1 manual, 2 incremental, 3 added at runtime through the admin endpoint. */
export type JobKind = 0 | 1 | 2 | 3;

/** Room for one backup per shard below each job id. */
export const SHARDS_PER_JOB = 32;

/**
 * Ids derive from (start second, kind, instance slot, shard) so they grow with time like real ones, never
 * collide between instances and stay below 2^53.
 */
export function jobId(startMs: number, kind: JobKind, slot: number): number {
  const sec = Math.floor(startMs / 1000) - ID_EPOCH_S;
  return (sec * 4 + kind) * 16 + slot;
}

export interface DecodedJobId {
  startSec: number;
  kind: number;
  slot: number;
}

/** The inverse of `jobId`. */
export function decodeJobId(id: number): DecodedJobId {
  const slot = id % 16;
  const rest = (id - slot) / 16;
  const kind = rest % 4;
  return { startSec: (rest - kind) / 4 + ID_EPOCH_S, kind, slot };
}

/** A decimal id string as a safe integer, or null when it cannot be one of ours. */
export function parseSafeId(text: string): number | null {
  const n = Number(text);
  return /^\d+$/.test(text) && Number.isSafeInteger(n) && String(n) === text ? n : null;
}
