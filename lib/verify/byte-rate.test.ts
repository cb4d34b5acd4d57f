import { describe, expect, it } from 'vitest';
import { ByteRate } from './byte-rate';

describe('ByteRate', () => {
  it('never waits without a cap', () => {
    const rate = new ByteRate(0, () => 0);
    expect(rate.take(10 ** 12)).toBe(0);
  });

  it('lets a second’s worth through, then paces readers sharing it to the cap', () => {
    let now = 0;
    const rate = new ByteRate(1000, () => now);
    expect(rate.take(1000)).toBe(0);
    // Two readers, 500 bytes each, with no time passed: together a second over.
    expect(rate.take(500)).toBe(500);
    expect(rate.take(500)).toBe(1000);
    now = 1000;
    expect(rate.take(0)).toBe(0);
    now = 5000;
    // A pause saves up at most one second.
    expect(rate.take(1000)).toBe(0);
    expect(rate.take(1000)).toBe(1000);
  });
});
