import { describe, expect, it } from 'vitest';
import { addPiece, asOf, gaps, needs, staleParts, subtract, union, type Piece } from './coverage';

const EDGE = 100;

describe('interval arithmetic', () => {
  it('joins touching and overlapping intervals', () => {
    expect(
      union([
        { start: 5, end: 7 },
        { start: 0, end: 2 },
        { start: 2, end: 3 },
        { start: 6, end: 9 },
        { start: 4, end: 4 },
      ]),
    ).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 9 },
    ]);
  });

  it('subtracts', () => {
    expect(
      subtract(
        [{ start: 0, end: 10 }],
        [
          { start: 2, end: 3 },
          { start: 8, end: 12 },
        ],
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 8 },
    ]);
    expect(subtract([{ start: 0, end: 10 }], [{ start: -5, end: 15 }])).toEqual([]);
  });
});

describe('coverage', () => {
  const old: Piece = { start: 0, end: 500, synced: 1_000 }; // final: ends long before its sync
  const edge: Piece = { start: 900, end: 1_000, synced: 1_000 }; // the recent edge of that sync

  it('finds only the gap of an overlapping range', () => {
    expect(gaps([old], { start: 300, end: 800 })).toEqual([{ start: 500, end: 800 }]);
    expect(gaps([old], { start: 100, end: 400 })).toEqual([]);
  });

  it('re-reads only the recent edge, and only once it is older than the freshness limit', () => {
    const pieces = [old, edge];
    expect(staleParts(pieces, { start: 0, end: 1_000 }, 1_050, 60, EDGE)).toEqual([]);
    expect(staleParts(pieces, { start: 0, end: 1_000 }, 1_061, 60, EDGE)).toEqual([
      { start: 900, end: 1_000 },
    ]);
    expect(staleParts(pieces, { start: 0, end: 950 }, 1_061, 60, EDGE)).toEqual([{ start: 900, end: 950 }]);
  });

  it('splits a new piece into its final part and its edge, and joins final neighbours', () => {
    const pieces = addPiece([old], { start: 500, end: 1_000, synced: 1_000 }, EDGE);
    expect(pieces).toEqual([
      { start: 0, end: 900, synced: 1_000 },
      { start: 900, end: 1_000, synced: 1_000 },
    ]);
  });

  it('replaces what a new sync overlaps and keeps the list short over many refreshes', () => {
    let pieces: Piece[] = [];
    for (let t = 1_000; t <= 10_000; t += 100)
      pieces = addPiece(pieces, { start: t - 1_000, end: t, synced: t }, EDGE);
    expect(pieces).toEqual([
      { start: 0, end: 9_900, synced: 10_000 },
      { start: 9_900, end: 10_000, synced: 10_000 },
    ]);
  });

  it('says when a range was last confirmed', () => {
    const pieces = [old, { ...edge, synced: 1_200 }];
    expect(asOf(pieces, { start: 0, end: 1_000 }, EDGE)).toBe(1_200);
    expect(asOf(pieces, { start: 0, end: 400 }, EDGE)).toBe(1_000);
    expect(asOf(pieces, { start: 600, end: 800 }, EDGE)).toBeNull();
  });

  it('treats the time since the newest sync as the growing recent edge, not as a gap', () => {
    const synced = addPiece([], { start: 0, end: 1_000, synced: 1_000 }, EDGE);
    // A view up to "now", 30 ms after the sync: nothing to wait for, nothing to refresh yet.
    expect(needs(synced, { start: 500, end: 1_030 }, 1_030, 60, EDGE)).toEqual({ missing: [], stale: [] });
    // Later than the freshness limit: the edge and the tail are refreshed, still without waiting.
    expect(needs(synced, { start: 500, end: 1_070 }, 1_070, 60, EDGE)).toEqual({
      missing: [],
      stale: [{ start: 900, end: 1_070 }],
    });
    // A piece that ended before its sync says nothing of what came after it: that is a gap.
    const past: Piece[] = [{ start: 0, end: 500, synced: 1_000 }];
    expect(needs(past, { start: 400, end: 1_030 }, 1_030, 60, EDGE).missing).toEqual([
      { start: 500, end: 1_030 },
    ]);
  });
});
