import { lzfCompress } from './lzf';

// RDB building blocks, byte for byte as Redis writes them (src/rdb.c, listpack.c, ziplist.c, intset.c). The
// file generator composes these; tests use them to write exactly the file a case needs.

export const OPCODE = {
  slotInfo: 0xf4,
  function2: 0xf5,
  moduleAux: 0xf7,
  idle: 0xf8,
  freq: 0xf9,
  aux: 0xfa,
  resizeDb: 0xfb,
  expireMs: 0xfc,
  expireSeconds: 0xfd,
  selectDb: 0xfe,
  eof: 0xff,
} as const;

export const TYPE = {
  string: 0,
  list: 1,
  set: 2,
  zset: 3,
  hash: 4,
  zset2: 5,
  modulePreGa: 6,
  module2: 7,
  hashZipmap: 9,
  listZiplist: 10,
  setIntset: 11,
  zsetZiplist: 12,
  hashZiplist: 13,
  listQuicklist: 14,
  streamListpacks: 15,
  hashListpack: 16,
  zsetListpack: 17,
  listQuicklist2: 18,
  streamListpacks2: 19,
  setListpack: 20,
  streamListpacks3: 21,
  hashMetadataPreGa: 22,
  hashListpackExPreGa: 23,
  hashMetadata: 24,
  hashListpackEx: 25,
} as const;

export type Bytes = Buffer;

/** A length: 6 bits, 14 bits, 32 bits or (RDB ≥ 8) 64 bits, big-endian after the first byte. */
export function length(n: number | bigint): Bytes {
  const v = BigInt(n);
  if (v < 64n) return Buffer.from([Number(v)]);
  if (v < 16384n) return Buffer.from([0x40 | Number(v >> 8n), Number(v & 0xffn)]);
  if (v <= 0xffffffffn) {
    const out = Buffer.alloc(5);
    out[0] = 0x80;
    out.writeUInt32BE(Number(v), 1);
    return out;
  }
  const out = Buffer.alloc(9);
  out[0] = 0x81;
  out.writeBigUInt64BE(v, 1);
  return out;
}

/** Bytes a length takes, without building it. */
export function lengthSize(n: number): number {
  return n < 64 ? 1 : n < 16384 ? 2 : n <= 0xffffffff ? 5 : 9;
}

function bytesOf(value: string | Bytes): Bytes {
  return typeof value === 'string' ? Buffer.from(value, 'latin1') : value;
}

/** A string stored as its length and raw bytes. */
export function rawString(value: string | Bytes): Bytes {
  const bytes = bytesOf(value);
  return Buffer.concat([length(bytes.length), bytes]);
}

/** An integer string in its special encoding (int8, int16 or int32, little-endian). */
export function intString(n: number): Bytes {
  if (n >= -128 && n <= 127) return Buffer.from([0xc0, n & 0xff]);
  if (n >= -32768 && n <= 32767) {
    const out = Buffer.alloc(3);
    out[0] = 0xc1;
    out.writeInt16LE(n, 1);
    return out;
  }
  const out = Buffer.alloc(5);
  out[0] = 0xc2;
  out.writeInt32LE(n, 1);
  return out;
}

/** An LZF-compressed string: 0xC3, compressed length, uncompressed length, data. */
export function lzfString(value: string | Bytes): Bytes {
  const bytes = bytesOf(value);
  const compressed = lzfCompress(bytes);
  if (!compressed) throw new Error('lzfString: the value does not compress');
  return Buffer.concat([Buffer.from([0xc3]), length(compressed.length), length(bytes.length), compressed]);
}

/**
 * A string the way Redis writes it: a canonical int32 as an integer, over 20 bytes LZF when that saves at
 * least 4 bytes (rdbcompression yes), else raw.
 */
export function string(value: string | Bytes): Bytes {
  const bytes = bytesOf(value);
  const text = bytes.toString('latin1');
  if (bytes.length <= 11 && /^-?[1-9]\d*$|^0$/.test(text)) {
    const n = Number(text);
    if (n >= -(2 ** 31) && n < 2 ** 31) return intString(n);
  }
  if (bytes.length > 20) {
    const compressed = lzfCompress(bytes);
    if (compressed && compressed.length + 4 <= bytes.length) {
      return Buffer.concat([
        Buffer.from([0xc3]),
        length(compressed.length),
        length(bytes.length),
        compressed,
      ]);
    }
  }
  return rawString(bytes);
}

export function binaryDouble(x: number): Bytes {
  const out = Buffer.alloc(8);
  out.writeDoubleLE(x);
  return out;
}

/** The old zset score: one length byte and ASCII, or 253 NaN, 254 +inf, 255 -inf. */
export function asciiDouble(x: number): Bytes {
  if (Number.isNaN(x)) return Buffer.from([253]);
  if (x === Infinity) return Buffer.from([254]);
  if (x === -Infinity) return Buffer.from([255]);
  const text = Buffer.from(String(x), 'latin1');
  return Buffer.concat([Buffer.from([text.length]), text]);
}

export function millis(ms: number): Bytes {
  const out = Buffer.alloc(8);
  out.writeBigInt64LE(BigInt(ms));
  return out;
}

export function header(version: number): Bytes {
  return Buffer.from(`REDIS${String(version).padStart(4, '0')}`, 'latin1');
}

export function aux(key: string, value: string): Bytes {
  return Buffer.concat([Buffer.from([OPCODE.aux]), string(key), string(value)]);
}

export function selectDb(db: number): Bytes {
  return Buffer.concat([Buffer.from([OPCODE.selectDb]), length(db)]);
}

export function resizeDb(keys: number, expires: number): Bytes {
  return Buffer.concat([Buffer.from([OPCODE.resizeDb]), length(keys), length(expires)]);
}

export function expireMs(ms: number): Bytes {
  return Buffer.concat([Buffer.from([OPCODE.expireMs]), millis(ms)]);
}

export function keyRecord(type: number, key: string, ...value: Bytes[]): Bytes {
  return Buffer.concat([Buffer.from([type]), string(key), ...value]);
}

// Blobs: ziplist, listpack and intset, the compact encodings stored as one string.

export type Entry = string | number;

function isInteger(entry: Entry): entry is number {
  return typeof entry === 'number';
}

function ziplistEntryBody(entry: Entry): Bytes {
  if (isInteger(entry)) {
    if (entry >= 0 && entry <= 12) return Buffer.from([0xf1 + entry]);
    if (entry >= -128 && entry <= 127) return Buffer.from([0xfe, entry & 0xff]);
    if (entry >= -32768 && entry <= 32767) {
      const b = Buffer.alloc(3);
      b[0] = 0xc0;
      b.writeInt16LE(entry, 1);
      return b;
    }
    if (entry >= -(2 ** 23) && entry < 2 ** 23) {
      const b = Buffer.alloc(4);
      b[0] = 0xf0;
      b.writeIntLE(entry, 1, 3);
      return b;
    }
    if (entry >= -(2 ** 31) && entry < 2 ** 31) {
      const b = Buffer.alloc(5);
      b[0] = 0xd0;
      b.writeInt32LE(entry, 1);
      return b;
    }
    const b = Buffer.alloc(9);
    b[0] = 0xe0;
    b.writeBigInt64LE(BigInt(entry), 1);
    return b;
  }
  const data = Buffer.from(entry, 'latin1');
  if (data.length <= 63) return Buffer.concat([Buffer.from([data.length]), data]);
  if (data.length <= 16383)
    return Buffer.concat([Buffer.from([0x40 | (data.length >> 8), data.length & 0xff]), data]);
  const head = Buffer.alloc(5);
  head[0] = 0x80;
  head.writeUInt32BE(data.length, 1);
  return Buffer.concat([head, data]);
}

export function ziplist(entries: Entry[]): Bytes {
  const parts: Bytes[] = [];
  let prev = 0;
  let offset = 10;
  let tail = 10;
  for (const entry of entries) {
    const body = ziplistEntryBody(entry);
    const prevLen = prev < 254 ? Buffer.from([prev]) : Buffer.concat([Buffer.from([0xfe]), u32le(prev)]);
    const whole = Buffer.concat([prevLen, body]);
    tail = offset;
    offset += whole.length;
    prev = whole.length;
    parts.push(whole);
  }
  const head = Buffer.alloc(10);
  head.writeUInt32LE(offset + 1, 0);
  head.writeUInt32LE(tail, 4);
  head.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  return Buffer.concat([head, ...parts, Buffer.from([0xff])]);
}

function u32le(n: number): Bytes {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

function listpackEntryBody(entry: Entry): Bytes {
  if (isInteger(entry)) {
    if (entry >= 0 && entry <= 127) return Buffer.from([entry]);
    if (entry >= -4096 && entry <= 4095) {
      const v = entry & 0x1fff;
      return Buffer.from([0xc0 | (v >> 8), v & 0xff]);
    }
    if (entry >= -32768 && entry <= 32767) {
      const b = Buffer.alloc(3);
      b[0] = 0xf1;
      b.writeInt16LE(entry, 1);
      return b;
    }
    if (entry >= -(2 ** 23) && entry < 2 ** 23) {
      const b = Buffer.alloc(4);
      b[0] = 0xf2;
      b.writeIntLE(entry, 1, 3);
      return b;
    }
    if (entry >= -(2 ** 31) && entry < 2 ** 31) {
      const b = Buffer.alloc(5);
      b[0] = 0xf3;
      b.writeInt32LE(entry, 1);
      return b;
    }
    const b = Buffer.alloc(9);
    b[0] = 0xf4;
    b.writeBigInt64LE(BigInt(entry), 1);
    return b;
  }
  const data = Buffer.from(entry, 'latin1');
  if (data.length < 64) return Buffer.concat([Buffer.from([0x80 | data.length]), data]);
  if (data.length < 4096)
    return Buffer.concat([Buffer.from([0xe0 | (data.length >> 8), data.length & 0xff]), data]);
  return Buffer.concat([Buffer.from([0xf0]), u32le(data.length), data]);
}

function backlen(n: number): Bytes {
  if (n <= 127) return Buffer.from([n]);
  if (n < 16383) return Buffer.from([n >> 7, (n & 127) | 128]);
  if (n < 2097151) return Buffer.from([n >> 14, ((n >> 7) & 127) | 128, (n & 127) | 128]);
  throw new Error('listpack entries here stay under 2 MiB');
}

export function listpack(entries: Entry[]): Bytes {
  const parts = entries.map((entry) => {
    const body = listpackEntryBody(entry);
    return Buffer.concat([body, backlen(body.length)]);
  });
  const total = 6 + parts.reduce((n, p) => n + p.length, 0) + 1;
  const head = Buffer.alloc(6);
  head.writeUInt32LE(total, 0);
  head.writeUInt16LE(Math.min(entries.length, 0xffff), 4);
  return Buffer.concat([head, ...parts, Buffer.from([0xff])]);
}

/** Sorted, unique integers in the narrowest of 2, 4 or 8 bytes each. */
export function intset(values: number[]): Bytes {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const fits = (bits: number) => sorted.every((v) => v >= -(2 ** (bits - 1)) && v < 2 ** (bits - 1));
  const width = fits(16) ? 2 : fits(32) ? 4 : 8;
  const out = Buffer.alloc(8 + sorted.length * width);
  out.writeUInt32LE(width, 0);
  out.writeUInt32LE(sorted.length, 4);
  sorted.forEach((v, i) => {
    const at = 8 + i * width;
    if (width === 2) out.writeInt16LE(v, at);
    else if (width === 4) out.writeInt32LE(v, at);
    else out.writeBigInt64LE(BigInt(v), at);
  });
  return out;
}

// Module values (type 7): a 64-bit id of 9 name characters and a 10-bit encoding version, then opcodes.

const MODULE_CHARSET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function moduleId(name: string, encodingVersion: number): bigint {
  if (name.length !== 9) throw new Error('module type names have 9 characters');
  let id = 0n;
  for (const ch of name) {
    const index = MODULE_CHARSET.indexOf(ch);
    if (index < 0) throw new Error(`module type name character ${ch}`);
    id = (id << 6n) | BigInt(index);
  }
  return (id << 10n) | BigInt(encodingVersion & 1023);
}

export const MODULE_OPCODE = { eof: 0, sint: 1, uint: 2, float: 3, double: 4, string: 5 } as const;

export type ModuleField =
  { uint: number } | { sint: number } | { string: string } | { double: number } | { float: number };

export function moduleValue(fields: ModuleField[]): Bytes {
  const parts: Bytes[] = [];
  for (const f of fields) {
    if ('uint' in f) parts.push(length(MODULE_OPCODE.uint), length(f.uint));
    else if ('sint' in f) parts.push(length(MODULE_OPCODE.sint), length(BigInt.asUintN(64, BigInt(f.sint))));
    else if ('string' in f) parts.push(length(MODULE_OPCODE.string), string(f.string));
    else if ('double' in f) parts.push(length(MODULE_OPCODE.double), binaryDouble(f.double));
    else {
      const b = Buffer.alloc(4);
      b.writeFloatLE(f.float);
      parts.push(length(MODULE_OPCODE.float), b);
    }
  }
  parts.push(length(MODULE_OPCODE.eof));
  return Buffer.concat(parts);
}

/** A stream ID as a node key: 16 bytes, milliseconds and sequence, both big-endian. */
export function streamId(ms: number, seq: number): Bytes {
  const out = Buffer.alloc(16);
  out.writeBigUInt64BE(BigInt(ms), 0);
  out.writeBigUInt64BE(BigInt(seq), 8);
  return out;
}
