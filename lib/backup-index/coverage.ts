// Pure interval arithmetic for what the index knows. A piece [start, end) synced at `synced` holds every
// backup that started in it and had finished by `synced`. Backups still running then could appear later,
// so only the part older than `synced - edgeMs` is final; the rest (the recent edge) is read again once it
// is older than the freshness limit. Times are Unix milliseconds.

export interface Interval {
  start: number;
  end: number;
}

export interface Piece extends Interval {
  synced: number;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Sorted, with touching or overlapping intervals joined. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** The parts of `from` that none of `minus` covers. */
export function subtract(from: readonly Interval[], minus: readonly Interval[]): Interval[] {
  const cuts = union(minus);
  const out: Interval[] = [];
  for (const i of union(from)) {
    let cursor = i.start;
    for (const c of cuts) {
      if (c.end <= cursor || c.start >= i.end) continue;
      if (c.start > cursor) out.push({ start: cursor, end: c.start });
      cursor = Math.max(cursor, c.end);
    }
    if (cursor < i.end) out.push({ start: cursor, end: i.end });
  }
  return out;
}

export function isFinal(p: Piece, edgeMs: number): boolean {
  return p.end <= p.synced - edgeMs;
}

/** What of `want` the index has never synced. */
export function gaps(pieces: readonly Piece[], want: Interval): Interval[] {
  return subtract([want], pieces);
}

/** The recent-edge parts of `want` last synced more than `freshMs` ago. */
export function staleParts(
  pieces: readonly Piece[],
  want: Interval,
  now: number,
  freshMs: number,
  edgeMs: number,
): Interval[] {
  return union(
    pieces
      .filter((p) => overlaps(p, want) && !isFinal(p, edgeMs) && now - p.synced > freshMs)
      .map((p) => ({ start: Math.max(p.start, want.start), end: Math.min(p.end, want.end) })),
  );
}

/**
 * The tail of `want` after the index's newest sync, when that sync reached its own moment: [synced, now).
 * It grows with the clock, and what starts in it is found by reading the recent edge again, not by a cold sync.
 */
export function tail(pieces: readonly Piece[], want: Interval): Interval | null {
  const last = pieces.reduce<Piece | null>((a, p) => (!a || p.end > a.end ? p : a), null);
  if (!last || last.end < last.synced || want.end <= last.end || want.start > last.end) return null;
  return { start: last.end, end: want.end };
}

/**
 * What a view of `want` (clipped to now) needs: `missing`, never synced (the view must wait for it), and
 * `stale`, the recent edge and the tail once their sync is older than `freshMs` (refreshed while the view
 * answers from the index).
 */
export function needs(
  pieces: readonly Piece[],
  want: Interval,
  now: number,
  freshMs: number,
  edgeMs: number,
): { missing: Interval[]; stale: Interval[] } {
  const end = tail(pieces, want);
  return {
    missing: subtract(gaps(pieces, want), end ? [end] : []),
    stale: union([
      ...staleParts(pieces, want, now, freshMs, edgeMs),
      ...(end && now - end.start > freshMs ? [end] : []),
    ]),
  };
}

/**
 * When `want` was last confirmed: the oldest sync of its parts that can still change, or, when every part
 * is final, the newest sync of any part. Null when nothing of it is indexed.
 */
export function asOf(pieces: readonly Piece[], want: Interval, edgeMs: number): number | null {
  const parts = pieces.filter((p) => overlaps(p, want));
  if (parts.length === 0) return null;
  const open = parts.filter((p) => !isFinal(p, edgeMs));
  return open.length > 0 ? Math.min(...open.map((p) => p.synced)) : Math.max(...parts.map((p) => p.synced));
}

/** Splits a piece into its final part and its recent edge. */
function split(p: Piece, edgeMs: number): Piece[] {
  const cut = p.synced - edgeMs;
  if (cut <= p.start || cut >= p.end) return [p];
  return [
    { start: p.start, end: cut, synced: p.synced },
    { start: cut, end: p.end, synced: p.synced },
  ];
}

/**
 * The coverage after a sync of `added`: it replaces whatever it overlaps, and neighbours join when both are
 * final (keeping the newer sync time) or were synced at the same moment, so the list stays short.
 */
export function addPiece(pieces: readonly Piece[], added: Piece, edgeMs: number): Piece[] {
  if (added.end <= added.start) return [...pieces];
  const kept: Piece[] = [];
  for (const p of pieces) {
    for (const rest of subtract([p], [added])) kept.push({ ...rest, synced: p.synced });
  }
  const all = [...kept, ...split(added, edgeMs)].sort((a, b) => a.start - b.start);
  const out: Piece[] = [];
  for (const p of all) {
    const last = out[out.length - 1];
    const final = isFinal(p, edgeMs);
    const joinable =
      last && last.end === p.start && isFinal(last, edgeMs) === final && (final || last.synced === p.synced);
    if (last && joinable) {
      last.end = p.end;
      last.synced = Math.max(last.synced, p.synced);
    } else out.push({ ...p });
  }
  return out;
}
