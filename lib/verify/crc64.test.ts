import { describe, expect, it } from 'vitest';
import { createRng } from '@/emulator/seed/prng';
import { Crc64, Crc64Shift, crc64, crc64Combine } from './crc64';

// The definition, one bit at a time with BigInt: slow and obviously right, to check the fast one against.
function reference(bytes: Uint8Array): bigint {
  const poly = 0x95ac9329ac4bc9b5n;
  let crc = 0n;
  for (const byte of bytes) {
    crc ^= BigInt(byte);
    for (let bit = 0; bit < 8; bit++) crc = crc & 1n ? (crc >> 1n) ^ poly : crc >> 1n;
  }
  return crc;
}

function randomBytes(seed: number, n: number): Uint8Array {
  const rng = createRng(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(rng() * 256));
}

const trailer = (crc: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(crc);
  return b.toString('hex');
};

describe('CRC-64/Jones', () => {
  it('gives the published check value for "123456789"', () => {
    expect(crc64(Buffer.from('123456789'))).toBe(0xe9c6d914c4b8d9can);
  });

  it.each([
    ['0009', '9aac7abcfb0fad74'],
    ['0010', 'a9fd37fe89a77eeb'],
    ['0011', 'c0228a8d74389762'],
    ['0012', '10d0db4120bef4d3'],
  ])('gives redis-check-rdb’s trailer for the empty REDIS%s file', (version, expected) => {
    expect(trailer(crc64(Buffer.from(`REDIS${version}\xff`, 'latin1')))).toBe(expected);
  });

  it('matches the bitwise definition at every length and alignment around the 8-byte steps', () => {
    const data = randomBytes(7, 200);
    for (let start = 0; start < 9; start++)
      for (let end = start; end <= data.length; end += 1 + (end % 5))
        expect(crc64(data.subarray(start, end))).toBe(reference(data.subarray(start, end)));
  });

  it('is the same fed in pieces of any size as in one piece', () => {
    const data = randomBytes(11, 100_003);
    const whole = crc64(data);
    const rng = createRng(3);
    for (let round = 0; round < 20; round++) {
      const crc = new Crc64();
      for (let at = 0; at < data.length;) {
        const piece = 1 + Math.floor(rng() * 5000);
        crc.update(data, at, Math.min(data.length, at + piece));
        at += piece;
      }
      expect(crc.digest()).toBe(whole);
    }
  });

  it('gives the same in WebAssembly as in JavaScript, across its 1 MiB blocks and the 16-byte steps', () => {
    const data = randomBytes(21, 2 * 1024 * 1024 + 77);
    for (const [start, end] of [
      [0, 256],
      [3, 300],
      [1, 1024 * 1024 + 15],
      [7, data.length],
      [1024 * 1024 - 5, 1024 * 1024 + 300],
    ] as const) {
      const js = new Crc64(0n, false).update(data, start, end).digest();
      expect(new Crc64().update(data, start, end).digest(), `${start}–${end}`).toBe(js);
    }
    expect(new Crc64().update(data, 0, 5000).digest()).toBe(reference(data.subarray(0, 5000)));
  });

  it('continues from a given CRC', () => {
    const a = randomBytes(1, 1000);
    const b = randomBytes(2, 1000);
    expect(new Crc64(crc64(a)).update(b).digest()).toBe(crc64(Buffer.concat([a, b])));
  });

  it.each([0, 1, 7, 8, 9, 1000, 65_536, 1_048_583])('combines with a part of %i bytes', (n) => {
    const a = randomBytes(5, 333);
    const b = randomBytes(6, n);
    expect(crc64Combine(crc64(a), crc64(b), b.length)).toBe(crc64(Buffer.concat([a, b])));
  });

  it('moves a CRC past zeros as reading the zeros would', () => {
    const zeros = new Uint8Array(12_345);
    const start = crc64(Buffer.from('abc'));
    expect(new Crc64Shift(zeros.length).apply(start)).toBe(new Crc64(start).update(zeros).digest());
    expect(new Crc64Shift(0).apply(start)).toBe(start);
    expect(() => new Crc64Shift(-1)).toThrow(RangeError);
  });

  it('doubles a repeated block as the emulator builds large files, equal to reading it', () => {
    const block = randomBytes(9, 4096);
    let crc = crc64(block);
    let length = block.length;
    for (let k = 0; k < 6; k++) {
      crc = crc64Combine(crc, crc, length);
      length *= 2;
    }
    const read = new Crc64();
    for (let i = 0; i < 64; i++) read.update(block);
    expect(crc).toBe(read.digest());
  });
});
