import { describe, expect, it } from 'vitest';
import { lzfCompress } from '@/emulator/rdb/lzf';
import { createRng } from '@/emulator/seed/prng';
import { LzfChecker, lzfProblem } from './lzf';

// LZF checked two ways — in hand (and decoded) and streamed piece by piece — against the emulator's compressor.

function sample(seed: number, n: number): Buffer {
  const rng = createRng(seed);
  const words = ['alpha', 'bravo', 'charlie', '{"id":', '"name":', '0000', ' '];
  let text = '';
  while (text.length < n)
    text += rng() < 0.2 ? String(Math.floor(rng() * 1e6)) : words[Math.floor(rng() * 7)];
  return Buffer.from(text.slice(0, n));
}

function streamed(input: Uint8Array, expected: number, piece: () => number) {
  const checker = new LzfChecker(expected);
  for (let at = 0; at < input.length;) {
    const end = Math.min(input.length, at + Math.max(1, piece()));
    checker.feed(input, at, end);
    at = end;
  }
  return checker.finish();
}

describe('LZF', () => {
  it.each([25, 300, 5_000, 70_000])('decodes what was compressed (%i bytes), in hand and streamed', (n) => {
    const original = sample(n, n);
    const compressed = lzfCompress(original)!;
    expect(compressed.length).toBeLessThan(original.length);
    const out = new Uint8Array(n);
    expect(lzfProblem(compressed, n, out)).toBeNull();
    expect(Buffer.from(out).equals(original)).toBe(true);
    const rng = createRng(n);
    for (const piece of [() => 1, () => 2, () => 64, () => 1 + Math.floor(rng() * 100)])
      expect(streamed(compressed, n, piece)).toBeNull();
  });

  it('finds the same damage streamed as in hand: any byte changed, any cut, a wrong length', () => {
    const original = sample(7, 2_000);
    const compressed = lzfCompress(original)!;
    for (let at = 0; at < compressed.length; at++) {
      const bad = Buffer.from(compressed);
      bad[at]! ^= 0xa5;
      const inHand = lzfProblem(bad, original.length);
      expect(streamed(bad, original.length, () => 3) === null, `byte ${at}`).toBe(inHand === null);
    }
    for (let cut = 0; cut < compressed.length; cut++) {
      expect(lzfProblem(compressed.subarray(0, cut), original.length), `cut ${cut}`).not.toBeNull();
      expect(
        streamed(compressed.subarray(0, cut), original.length, () => 5),
        `cut ${cut}`,
      ).not.toBeNull();
    }
    expect(streamed(compressed, original.length + 1, () => 9)).toMatchObject({ reason: 'too_short' });
    expect(streamed(compressed, original.length - 1, () => 9)).toMatchObject({ reason: 'too_long' });
  });
});
