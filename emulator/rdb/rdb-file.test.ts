import { describe, expect, it } from 'vitest';
import { Crc64 } from '@/lib/verify/crc64';
import { verifyRdb } from '@/lib/verify/rdb-verifier';
import { createRng } from '../seed/prng';
import { rdbFile, rdbVersionFor, type RdbFileSpec } from './rdb-file';

// The generator on its own: exact sizes, byte ranges that agree with the whole, a trailer that is the real
// CRC-64 of what comes before it. That the files load is redis-check-rdb's to say (lib/verify/redis-check-rdb.test.ts).

const MIB = 1024 * 1024;
/** The smallest RDB 10 file it writes: header, `redis-ver`, SELECTDB, one short string, EOF, CRC. */
const SMALLEST = 45;
const spec = (size: number, extra: Partial<RdbFileSpec> = {}): RdbFileSpec => ({
  seed: `seed-${size}`,
  size,
  engineVersion: '7.0',
  ctime: 1_700_000_000,
  ...extra,
});

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

async function* once(bytes: Uint8Array) {
  yield bytes;
}

describe('rdbFile', () => {
  it('maps engine versions to the RDB versions they write', () => {
    expect(['2.8', '4.0', '5.0', '6.0', '7.0', '7.2', '7.4', '9.9'].map(rdbVersionFor)).toEqual([
      6, 8, 9, 9, 10, 11, 12, 9,
    ]);
  });

  it('is exactly the size asked for, and valid, at every size from the smallest RDB it can write', async () => {
    const sizes = [
      ...Array.from({ length: 120 }, (_, i) => SMALLEST + i),
      ...Array.from({ length: 12 }, (_, i) => 16_380 + i),
      ...Array.from({ length: 8 }, (_, i) => 4_000 + i * 997),
      MIB - 1,
      MIB + 40,
      2 * MIB + 17,
      3 * MIB + 3,
    ];
    for (const size of sizes) {
      const file = rdbFile(spec(size, { engineVersion: size % 2 ? '5.0' : '7.0' }));
      const bytes = file.read();
      expect(bytes.length, `size ${size}`).toBe(size);
      const report = await verifyRdb(once(bytes), { expectedSize: size });
      expect(report.status, `size ${size}: ${JSON.stringify(report.problem)}`).toBe('ok');
    }
  });

  it('is the start of a valid file, cut short, below the smallest size an RDB can have', async () => {
    for (let size = 1; size < SMALLEST; size++) {
      const bytes = rdbFile(spec(size)).read();
      expect(bytes.length).toBe(size);
      expect((await verifyRdb(once(bytes))).status).toBe('truncated');
    }
  });

  it('serves any range as the same bytes as the whole, streamed or read', async () => {
    const file = rdbFile(spec(3 * MIB + 123));
    const whole = file.read();
    const rng = createRng(42);
    for (let i = 0; i < 25; i++) {
      const start = Math.floor(rng() * whole.length);
      const end = Math.min(whole.length - 1, start + Math.floor(rng() * 2 * MIB));
      expect((await collect(file.stream(start, end))).equals(whole.subarray(start, end + 1))).toBe(true);
      expect(file.read(start, end + 1).equals(whole.subarray(start, end + 1))).toBe(true);
    }
    expect((await collect(file.stream())).equals(whole)).toBe(true);
  });

  it('is the same for the same seed and differs for another', () => {
    const a = rdbFile(spec(2 * MIB)).read();
    expect(
      rdbFile(spec(2 * MIB))
        .read()
        .equals(a),
    ).toBe(true);
    expect(
      rdbFile({ ...spec(2 * MIB), seed: 'other' })
        .read()
        .equals(a),
    ).toBe(false);
  });

  it('ends with the CRC-64 of everything before it, combined without reading the bulk', async () => {
    const size = 64 * MIB + 5;
    const file = rdbFile(spec(size));
    const crc = new Crc64();
    let trailer = Buffer.alloc(0);
    let read = 0;
    for await (const chunk of file.stream()) {
      const piece = chunk as Buffer;
      const body = Math.max(0, Math.min(piece.length, size - 8 - read));
      crc.update(piece, 0, body);
      trailer = Buffer.concat([trailer, piece.subarray(body)]);
      read += piece.length;
    }
    expect(read).toBe(size);
    expect(trailer.readBigUInt64LE()).toBe(crc.digest());
  });

  it('answers the tail of a 40 GiB file without generating the rest', async () => {
    const size = 40 * 1024 * MIB + 7;
    const file = rdbFile(spec(size, { engineVersion: '7.0', tair: true }));
    const tail = await collect(file.stream(size - 100, size - 1));
    expect(tail.length).toBe(100);
    expect(tail[100 - 9]).toBe(0xff);
    expect(file.read(size - 8).equals(tail.subarray(92))).toBe(true);
  });

  it.each([
    ['flipped-byte', 'corrupt', 'invalid_type'],
    ['truncated', 'truncated', 'truncated'],
    ['bad-checksum', 'corrupt', 'checksum_mismatch'],
    ['future-version', 'unsupported', 'newer_version'],
    ['pre-ga-module', 'unsupported', 'module_pre_ga'],
  ] as const)('is damaged as asked (%s) and still exactly its size', async (damage, status, code) => {
    for (const size of [500, 5 * MIB]) {
      const bytes = rdbFile(spec(size, { damage, engineVersion: '6.0' })).read();
      expect(bytes.length).toBe(size);
      const report = await verifyRdb(once(bytes), { expectedSize: size });
      expect(report).toMatchObject({ status, problem: { code } });
    }
  });
});
