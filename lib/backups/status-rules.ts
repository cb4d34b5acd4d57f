// The rules that judge a whole backup of a cluster: a cloud-native set from its nodes, a classic job from its
// shards. Pure, for the index (which stores the verdict) and the browser (which words it).

/** Statuses a set can have beyond a backup's Success and Failed. */
export const SET_STATUSES = ['Incomplete', 'Running'] as const;
export type SetStatus = 'Success' | 'Failed' | (typeof SET_STATUSES)[number];

export interface SetFacts {
  /** Alibaba's ClusterBackupStatus: `OK`, `RUNNING`, `Failed`. */
  status: string | null;
  /** The set's IsAvail: 0 when a node failed or has not finished. */
  isAvail: number | null;
  nodes: readonly { available: boolean }[];
}

export interface SetVerdict {
  status: SetStatus;
  nodes: number;
  /** Nodes without a usable file. */
  unavailable: number;
}

/**
 * Running while Alibaba says so; Failed when it says so or no node has a file; Incomplete when some node has
 * none (or the set is not available though every node listed is); otherwise Success.
 */
export function setVerdict(set: SetFacts): SetVerdict {
  const nodes = set.nodes.length;
  const unavailable = set.nodes.filter((n) => !n.available).length;
  const upstream = set.status?.toUpperCase() ?? '';
  const status: SetStatus =
    upstream === 'RUNNING'
      ? 'Running'
      : upstream === 'FAILED' || (nodes > 0 && unavailable === nodes)
        ? 'Failed'
        : unavailable > 0 || set.isAvail === 0
          ? 'Incomplete'
          : 'Success';
  return { status, nodes, unavailable };
}

export type JobStatus = 'Success' | 'Partial' | 'Failed';

export interface JobFacts {
  /** Backups of the job the index holds. */
  listed: number;
  /** Of those, how many did not succeed. */
  failed: number;
  /** Shards the instance has, when known. */
  expected: number | null;
}

export interface JobVerdict {
  status: JobStatus;
  /** Shards the job should have: the instance's count, or what is listed when that is more or unknown. */
  shards: number;
  /** Shards with no backup listed at all. */
  missing: number;
  failed: number;
}

/** Success only when every shard has a successful backup; Failed when none has; else Partial. */
export function jobVerdict({ listed, failed, expected }: JobFacts): JobVerdict {
  const shards = Math.max(listed, expected ?? 0);
  const missing = shards - listed;
  const bad = failed + missing;
  return {
    status: bad === 0 ? 'Success' : bad >= shards ? 'Failed' : 'Partial',
    shards,
    missing,
    failed,
  };
}
