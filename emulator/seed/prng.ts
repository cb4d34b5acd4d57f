// Deterministic randomness: every seeded value is a pure function of (instance, slot), so the same
// backup keeps the same id, size and status across restarts no matter when the emulator starts.

export function hashString(input: string): number {
  // FNV-1a, 32-bit: tiny, fast and good enough to spread seeds.
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type Rng = () => number;

/** mulberry32: returns floats in [0, 1). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rngFor(...parts: Array<string | number>): Rng {
  return createRng(hashString(parts.join('|')));
}

export function between(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/**
 * A well-spread 32-bit hash of a seed and two integers (any safe integers), without allocating: the bulk
 * instance derives a backup's traits from its index this way, millions of times when summing sizes.
 */
export function hashInts(seed: number, a: number, b: number): number {
  let h = seed >>> 0;
  h = Math.imul(h ^ (a >>> 0), 0x9e3779b1);
  h = Math.imul(h ^ (Math.floor(a / 4294967296) >>> 0), 0x85ebca6b);
  h = Math.imul(h ^ (b >>> 0), 0xc2b2ae35);
  // murmur3's finalizer: every input bit affects every output bit.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** `hashInts` as a float in [0, 1). */
export function unitFloat(seed: number, a: number, b: number): number {
  return hashInts(seed, a, b) / 4294967296;
}
