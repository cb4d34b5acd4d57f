import { Readable } from 'node:stream';
import { Crc64, Crc64Shift } from '../../lib/verify/crc64';
import { createRng, hashString } from '../seed/prng';
import {
  OPCODE,
  TYPE,
  aux,
  header,
  keyRecord,
  length,
  lengthSize,
  resizeDb,
  selectDb,
  type Bytes,
} from './encode';
import { sampleKeys, type SampleKey } from './sample-keys';

// A valid RDB file of exactly `size` bytes, generated from a seed (the backup id) and streamed in any byte
// range without holding it: a few KiB of sample keys of every type, then the bulk as 1 MiB string values
// repeating one seeded block, then a second database, EOF and the CRC-64. The CRC of the whole file is
// computed without reading it, by combining the CRCs of its repeated parts (lib/verify/crc64.ts), so even a
// 40 GiB file answers a range at its tail at once.

/** Damage a seeded backup can carry on purpose (emulator/README.md says which backups do). */
export const RDB_DAMAGES = [
  'flipped-byte',
  'truncated',
  'bad-checksum',
  'future-version',
  'pre-ga-module',
] as const;
export type RdbDamage = (typeof RDB_DAMAGES)[number];

export interface RdbFileSpec {
  /** Everything in the file follows from it: the backup id. */
  seed: string;
  size: number;
  /** The instance's engine version (`5.0`, `7.0`, …), which picks the RDB version. */
  engineVersion: string;
  /** Unix seconds the dump was taken (the `ctime` AUX field). */
  ctime: number;
  /** Tair instances also hold module values. */
  tair?: boolean;
  damage?: RdbDamage | null;
}

export interface RdbFile {
  size: number;
  rdbVersion: number;
  /** Bytes [start, end] (inclusive), generated as they are read. */
  stream(start?: number, end?: number): Readable;
  /** Bytes [start, end) in one buffer: for tests and small ranges. */
  read(start?: number, end?: number): Buffer;
}

const RDB_VERSIONS: Record<string, number> = {
  '2.8': 6,
  '3.0': 6,
  '3.2': 7,
  '4.0': 8,
  '5.0': 9,
  '6.0': 9,
  '6.2': 9,
  '7.0': 10,
  '7.2': 11,
  '7.4': 12,
};

/** The RDB version a Redis engine version writes (9 for versions we do not know). */
export function rdbVersionFor(engineVersion: string): number {
  return RDB_VERSIONS[engineVersion] ?? 9;
}

const BULK_VALUE = 1024 * 1024;
const BULK_KEY = (i: number) => `blob:${String(i).padStart(8, '0')}`;
const BULK_RECORD = 1 + 1 + BULK_KEY(0).length + lengthSize(BULK_VALUE) + BULK_VALUE;
const PIECE = 256 * 1024;
const FUTURE_VERSION = 13;
/** A module value in the pre-release format (type 6): opaque bytes no reader can walk. */
const PRE_GA_MODULE = keyRecord(TYPE.modulePreGa, 'legacy:module', length(12345), Buffer.from([1, 2, 3, 4]));

type Segment = { kind: 'bytes'; start: number; data: Bytes } | { kind: 'bulk'; start: number; count: number };

interface Layout {
  segments: Segment[];
  /** Length of the generated content (the served file may be cut shorter). */
  length: number;
  /** A record's type byte near the middle: where a `flipped-byte` file is damaged. */
  typeByteAt: number;
  pattern: Bytes;
}

function bulkHeader(i: number): Bytes {
  return Buffer.concat([
    Buffer.from([TYPE.string]),
    length(BULK_KEY(i).length),
    Buffer.from(BULK_KEY(i)),
    length(BULK_VALUE),
  ]);
}

/**
 * One string record of exactly `total` bytes, or null when none fits. Some totals cannot be written with a
 * given key length (the value's length prefix grows from 1 to 2 to 5 bytes), so the key name absorbs it.
 */
function fillRecord(total: number, pattern: Bytes): Bytes | null {
  for (let keyLength = 5; keyLength <= 16; keyLength++) {
    const rest = total - 2 - keyLength;
    for (const prefix of [1, 2, 5, 9]) {
      const value = rest - prefix;
      if (value >= 0 && lengthSize(value) === prefix) {
        const name = `fill:${'0'.repeat(keyLength - 5)}`;
        const bytes = Buffer.alloc(value);
        for (let at = 0; at < value; at += pattern.length)
          pattern.copy(bytes, at, 0, Math.min(pattern.length, value - at));
        return Buffer.concat([
          Buffer.from([TYPE.string]),
          length(keyLength),
          Buffer.from(name),
          length(value),
          bytes,
        ]);
      }
    }
  }
  return null;
}

function seededPattern(seed: string): Bytes {
  const rng = createRng(hashString(`rdb|${seed}`));
  const out = Buffer.alloc(BULK_VALUE);
  for (let i = 0; i < out.length; i += 4) out.writeUInt32LE(Math.floor(rng() * 2 ** 32), i);
  return out;
}

const concat = (keys: SampleKey[]) => Buffer.concat(keys.map((k) => k.bytes));
const expiring = (keys: SampleKey[]) => keys.filter((k) => k.expires).length;

function plan(spec: RdbFileSpec, size: number, pattern: Bytes): Layout {
  const version = rdbVersionFor(spec.engineVersion);
  const rng = createRng(hashString(`samples|${spec.seed}`));
  const samples = sampleKeys({ version, ctime: spec.ctime, tair: spec.tair ?? false, rng });
  if (spec.damage === 'pre-ga-module') samples.db0.push({ bytes: PRE_GA_MODULE, expires: false });
  const auxFields =
    version >= 7
      ? [
          aux('redis-ver', `${spec.engineVersion}.${version >= 10 ? 15 : 9}`),
          aux('redis-bits', '64'),
          aux('ctime', String(spec.ctime)),
          aux('used-mem', String(8 * 1024 * 1024 + (hashString(spec.seed) % 1024) * 4096)),
          aux('aof-base', '0'),
        ]
      : [];
  const start = Buffer.concat([
    header(spec.damage === 'future-version' ? FUTURE_VERSION : version),
    ...auxFields,
    ...samples.preamble,
  ]);
  const db0 = concat(samples.db0);
  const resize = (keys: number, expires: number) =>
    version >= 7 ? resizeDb(keys, expires) : Buffer.alloc(0);
  const tail = Buffer.concat([
    selectDb(3),
    resize(samples.db3.length, expiring(samples.db3)),
    concat(samples.db3),
    Buffer.from([OPCODE.eof]),
  ]);
  const trailer = 8;

  // The bulk's key count goes into RESIZEDB before it, and that length's own size moves the bulk: settle it.
  let keys = samples.db0.length;
  let full = 0;
  let fill: Bytes | null = null;
  let head = Buffer.alloc(0);
  let room = 0;
  for (let attempt = 0; attempt < 4; attempt++) {
    head = Buffer.concat([start, selectDb(0), resize(keys, expiring(samples.db0)), db0]);
    room = size - head.length - tail.length - trailer;
    // The last record takes the remainder, between one and two bulk records long.
    full = Math.max(0, Math.floor(room / BULK_RECORD) - 1);
    fill = room - full * BULK_RECORD > 0 ? fillRecord(room - full * BULK_RECORD, pattern) : null;
    const settled = samples.db0.length + full + (fill ? 1 : 0);
    if (lengthSize(settled) === lengthSize(keys)) break;
    keys = settled;
  }
  if (room < 0 || (room > 0 && (fill === null || full * BULK_RECORD + fill.length !== room))) {
    return minimal(spec, version, size, pattern);
  }
  const segments: Segment[] = [];
  let at = 0;
  const push = (segment: Segment, bytes: number) => {
    segments.push(segment);
    at += bytes;
  };
  push({ kind: 'bytes', start: at, data: head }, head.length);
  if (full > 0) push({ kind: 'bulk', start: at, count: full }, full * BULK_RECORD);
  // Without a bulk, the fill record's type byte (or the tail's SELECTDB when there is no fill either).
  let typeByteAt = at;
  if (full > 0) {
    const middle = Math.min(full - 1, Math.max(0, Math.floor((size / 2 - head.length) / BULK_RECORD)));
    typeByteAt = head.length + middle * BULK_RECORD;
  }
  if (fill) push({ kind: 'bytes', start: at, data: fill }, fill.length);
  push({ kind: 'bytes', start: at, data: tail }, tail.length);
  return { segments, length: at + trailer, pattern, typeByteAt };
}

/** Too small for the sample keys: a header, `redis-ver` and one string that fills the rest. */
function minimal(spec: RdbFileSpec, version: number, size: number, pattern: Bytes): Layout {
  const head = Buffer.concat([
    header(spec.damage === 'future-version' ? FUTURE_VERSION : version),
    version >= 7 ? aux('redis-ver', `${spec.engineVersion}.0`) : Buffer.alloc(0),
    selectDb(0),
    spec.damage === 'pre-ga-module' ? PRE_GA_MODULE : Buffer.alloc(0),
  ]);
  const eof = Buffer.from([OPCODE.eof]);
  const fill = fillRecord(size - head.length - eof.length - 8, pattern);
  // Smaller still, no RDB fits: the file is the start of the smallest one we can write, cut short.
  const body = fill ?? fillRecord(40, pattern)!;
  const data = Buffer.concat([head, body, eof]);
  return {
    segments: [{ kind: 'bytes', start: 0, data }],
    length: data.length + 8,
    pattern,
    typeByteAt: head.length,
  };
}

function crcOf(layout: Layout): bigint {
  let value = 0n;
  for (const segment of layout.segments) {
    if (segment.kind === 'bytes') {
      value = new Crc64Shift(segment.data.length).apply(value) ^ crc64Of(segment.data);
      continue;
    }
    const valueCrc = crc64Of(layout.pattern);
    const pastValue = new Crc64Shift(BULK_VALUE);
    const pastRecord = new Crc64Shift(BULK_RECORD);
    for (let i = 0; i < segment.count; i++) {
      const record = pastValue.apply(crc64Of(bulkHeader(i))) ^ valueCrc;
      value = pastRecord.apply(value) ^ record;
    }
  }
  return value;
}

function crc64Of(bytes: Bytes): bigint {
  return new Crc64().update(bytes).digest();
}

interface Built {
  layout: Layout;
  trailer: Bytes;
  flipAt: number | null;
}

const cache = new Map<string, Built>();
const CACHE_SIZE = 16;

function build(spec: RdbFileSpec): Built {
  const key = JSON.stringify([spec.seed, spec.size, spec.engineVersion, spec.ctime, spec.tair, spec.damage]);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const pattern = seededPattern(spec.seed);
  // A truncated file is a larger one cut at `size`.
  const generated =
    spec.damage === 'truncated' ? spec.size + Math.max(64, Math.floor(spec.size / 8)) : spec.size;
  const layout = plan(spec, generated, pattern);
  let crc = crcOf(layout);
  if (spec.damage === 'bad-checksum') crc ^= 0x0123456789abcdefn;
  const trailer = Buffer.alloc(8);
  trailer.writeBigUInt64LE(crc);
  const built: Built = {
    layout,
    trailer,
    flipAt: spec.damage === 'flipped-byte' ? layout.typeByteAt : null,
  };
  cache.set(key, built);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return built;
}

const FLIP_MASK = 0x5a;

function* pieces(built: Built, start: number, endExclusive: number): Generator<Bytes> {
  const { layout, trailer } = built;
  const trailerStart = layout.length - 8;
  for (const segment of layout.segments) {
    const segmentEnd =
      segment.kind === 'bytes'
        ? segment.start + segment.data.length
        : segment.start + segment.count * BULK_RECORD;
    if (segmentEnd <= start || segment.start >= endExclusive) continue;
    if (segment.kind === 'bytes') {
      yield segment.data.subarray(
        Math.max(0, start - segment.start),
        Math.min(segment.data.length, endExclusive - segment.start),
      );
      continue;
    }
    const first = Math.floor((Math.max(start, segment.start) - segment.start) / BULK_RECORD);
    for (let i = first; i < segment.count; i++) {
      const recordStart = segment.start + i * BULK_RECORD;
      if (recordStart >= endExclusive) break;
      const head = bulkHeader(i);
      const parts: Array<[number, Bytes]> = [
        [recordStart, head],
        [recordStart + head.length, layout.pattern],
      ];
      for (const [partStart, bytes] of parts) {
        const from = Math.max(0, start - partStart);
        const to = Math.min(bytes.length, endExclusive - partStart);
        for (let at = from; at < to; at += PIECE) yield bytes.subarray(at, Math.min(to, at + PIECE));
      }
    }
  }
  if (endExclusive > trailerStart) {
    yield trailer.subarray(Math.max(0, start - trailerStart), Math.min(8, endExclusive - trailerStart));
  }
}

function* withFlip(built: Built, start: number, endExclusive: number): Generator<Bytes> {
  let at = start;
  for (const piece of pieces(built, start, endExclusive)) {
    const flip = built.flipAt;
    if (flip !== null && flip >= at && flip < at + piece.length) {
      const copy = Buffer.from(piece);
      copy[flip - at] = copy[flip - at]! ^ FLIP_MASK;
      yield copy;
    } else if (piece.length > 0) yield piece;
    at += piece.length;
  }
}

export function rdbFile(spec: RdbFileSpec): RdbFile {
  const built = build(spec);
  const size = spec.size;
  const clamp = (start: number, endExclusive: number): [number, number] => [
    Math.max(0, start),
    Math.min(size, built.layout.length, endExclusive),
  ];
  return {
    size,
    rdbVersion: rdbVersionFor(spec.engineVersion),
    stream(start = 0, end = size - 1) {
      const [from, to] = clamp(start, end + 1);
      return Readable.from(withFlip(built, from, to), { objectMode: false });
    },
    read(start = 0, end = size) {
      const [from, to] = clamp(start, end);
      return Buffer.concat([...withFlip(built, from, to)]);
    },
  };
}
