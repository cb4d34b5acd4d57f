import { Readable } from 'node:stream';
import { createRng, hashString } from '../seed/prng';

const BLOCK = 64 * 1024;

/** The first bytes of a file that is not an RDB, so `file` or a curious human see something plausible. */
export function fileHeader(fileName: string, startMs: number): Buffer {
  if (fileName.endsWith('.tar.gz')) {
    const mtime = Buffer.alloc(4);
    mtime.writeUInt32LE(Math.floor(startMs / 1000));
    return Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), mtime, Buffer.from([0x00, 0x03])]);
  }
  if (fileName.endsWith('.aof')) return Buffer.from('*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n');
  return Buffer.alloc(0);
}

/**
 * Streams bytes [start, end] of a deterministic file of `size` bytes: the header, then a seeded 64 KiB pattern
 * whose every block is XORed with its block number (so an off-by-one in a resumed download shows up).
 * Nothing larger than one block is ever held in memory.
 */
export function fileStream(seedText: string, header: Buffer, start: number, end: number): Readable {
  const rng = createRng(hashString(seedText));
  const pattern = Buffer.alloc(BLOCK);
  for (let i = 0; i < BLOCK; i += 4) pattern.writeUInt32LE(Math.floor(rng() * 2 ** 32), i);

  function block(index: number): Buffer {
    const out = Buffer.from(pattern);
    const mask = ((index & 0xff) * 0x01010101) >>> 0;
    for (let i = 0; i < BLOCK; i += 4) out.writeUInt32LE((out.readUInt32LE(i) ^ mask) >>> 0, i);
    const headerEnd = index * BLOCK;
    if (headerEnd < header.length) header.copy(out, 0, headerEnd, Math.min(header.length, headerEnd + BLOCK));
    return out;
  }

  async function* chunks(): AsyncGenerator<Buffer> {
    let offset = start;
    while (offset <= end) {
      const index = Math.floor(offset / BLOCK);
      const from = offset - index * BLOCK;
      const to = Math.min(BLOCK, end - index * BLOCK + 1);
      yield block(index).subarray(from, to);
      offset = index * BLOCK + to;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
