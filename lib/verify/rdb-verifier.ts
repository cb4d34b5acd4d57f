import { BLOB_HEAD, blobEnd, blobHeadProblem, type BlobEncoding } from './blob-check';
import { ByteReader } from './byte-reader';
import { LzfChecker, lzfProblem } from './lzf';
import { RdbProblem, STATUS_OF, type Problem, type ProblemParams, type VerifyStatus } from './problems';

// One streaming pass over an RDB file: the magic and version, every opcode, every key's type and encoding,
// EOF and the CRC-64, as src/rdb.c reads them (shared/reference/rdb-format.md). Values are skipped, never held:
// only lengths, blob headers and AUX fields are looked at. Pure: bytes in, a report out.

/** The newest RDB version this verifier reads (Redis 7.4 / 8.0). */
export const MAX_RDB_VERSION = 12;

export interface RdbReport {
  status: Exclude<VerifyStatus, 'encrypted'>;
  problem: Problem | null;
  rdbVersion: number | null;
  redisVersion: string | null;
  /** When the dump was taken (the `ctime` AUX field), ISO 8601. */
  createdAt: string | null;
  /** AUX fields as read (at most 32, values cut at 256 characters). */
  aux: Record<string, string>;
  keys: number;
  expires: number;
  keysByDb: Record<string, number>;
  /** string, list, set, zset, hash, stream, or `module:<name>`. */
  keysByType: Record<string, number>;
  /** `absent` before RDB 5, `disabled` when written with rdbchecksum no. */
  checksum: 'ok' | 'disabled' | 'absent' | 'mismatch' | null;
  bytesRead: number;
  durationMs: number;
}

export interface VerifyRdbOptions {
  /** The backup's size as Alibaba Cloud states it: a file of another length is reported. */
  expectedSize?: number;
  /** Called as chunks arrive, with the bytes read so far. */
  onProgress?: (bytesRead: number) => void;
  now?: () => number;
}

/** A report of nothing read yet. */
export function emptyReport(): RdbReport {
  return {
    status: 'ok',
    problem: null,
    rdbVersion: null,
    redisVersion: null,
    createdAt: null,
    aux: {},
    keys: 0,
    expires: 0,
    keysByDb: {},
    keysByType: {},
    checksum: null,
    bytesRead: 0,
    durationMs: 0,
  };
}

const SMALL_TEXT = 4096;
const MAX_AUX = 32;
/** LZF-compressed blobs up to this size are decompressed to check their header; larger ones only their LZF. */
const MAX_DECODED_BLOB = 1024 * 1024;

const hex = (b: number) => b.toString(16).padStart(2, '0');

type StringMode = { kind: 'skip' } | { kind: 'text' } | { kind: 'blob'; encoding: BlobEncoding; key: string };

class RdbVerifier {
  private version = 0;
  private db = 0;
  private expirePending = false;
  private key = '';
  readonly report: RdbReport;

  constructor(private readonly r: ByteReader) {
    this.report = emptyReport();
  }

  async run(): Promise<void> {
    await this.header();
    for (;;) {
      this.r.reading = 'record';
      const at = this.r.offset;
      const type = await this.r.byte();
      if (type === 0xff) break;
      await this.record(type, at);
    }
    await this.trailer();
  }

  private async header(): Promise<void> {
    const r = this.r;
    r.reading = 'header';
    const complete = await r.fill(9);
    const head = r.take(Math.min(9, r.available()));
    if (head[0] === 0x1f && head[1] === 0x8b) throw new RdbProblem('gzip', 0);
    if (head[0] === 0x2a /* '*': a RESP command */) throw new RdbProblem('aof', 0);
    if (head.length >= 5 && String.fromCharCode(...head.subarray(0, 5)) !== 'REDIS')
      throw this.badMagic(head);
    if (!complete) await r.need(1);
    const digits = String.fromCharCode(...head.subarray(5, 9));
    const version = /^\d{4}$/.test(digits) ? Number(digits) : 0;
    if (version < 1) throw new RdbProblem('bad_version', 5, { found: digits });
    if (version > MAX_RDB_VERSION) {
      throw new RdbProblem('newer_version', 5, { version, max: MAX_RDB_VERSION });
    }
    this.version = version;
    this.report.rdbVersion = version;
  }

  private badMagic(head: Uint8Array): RdbProblem {
    return new RdbProblem('bad_magic', 0, {
      found: [...head.subarray(0, 5)].map(hex).join(' ') || 'nothing',
    });
  }

  private async record(type: number, at: number): Promise<void> {
    const r = this.r;
    switch (type) {
      case 0xfa: // AUX
        r.reading = 'aux';
        return this.aux();
      case 0xfb: // RESIZEDB
        r.reading = 'resizedb';
        await this.length();
        await this.length();
        return;
      case 0xfc: // EXPIRETIME_MS
        r.reading = 'expiry';
        await r.need(8);
        r.take(8);
        this.expirePending = true;
        return;
      case 0xfd: // EXPIRETIME
        r.reading = 'expiry';
        await r.need(4);
        r.take(4);
        this.expirePending = true;
        return;
      case 0xfe: // SELECTDB
        r.reading = 'selectdb';
        this.db = await this.length();
        return;
      case 0xf8: // IDLE
        r.reading = 'idle';
        await this.length();
        return;
      case 0xf9: // FREQ
        r.reading = 'freq';
        await r.byte();
        return;
      case 0xf7: // MODULE_AUX
        r.reading = 'module_aux';
        return this.moduleAux();
      case 0xf6:
        throw new RdbProblem('function_pre_ga', at);
      case 0xf5: // FUNCTION2
        r.reading = 'function';
        await this.string({ kind: 'skip' });
        return;
      case 0xf4: // SLOT_INFO
        r.reading = 'slot_info';
        await this.length();
        await this.length();
        await this.length();
        return;
    }
    const value = VALUE_TYPES[type];
    if (!value) throw new RdbProblem('invalid_type', at, { type });
    r.reading = 'key';
    this.key = await this.keyName();
    r.reading = 'value';
    r.readingKey = this.key;
    const logical = await value.read(this);
    const report = this.report;
    report.keys++;
    report.keysByDb[this.db] = (report.keysByDb[this.db] ?? 0) + 1;
    report.keysByType[logical] = (report.keysByType[logical] ?? 0) + 1;
    if (this.expirePending) report.expires++;
    this.expirePending = false;
  }

  private async trailer(): Promise<void> {
    const r = this.r;
    const report = this.report;
    if (this.version >= 5) {
      const computed = r.checksum();
      r.reading = 'checksum';
      const at = r.offset;
      await r.need(8);
      const bytes = r.take(8);
      let stored = 0n;
      for (let i = 7; i >= 0; i--) stored = (stored << 8n) | BigInt(bytes[i]!);
      if (stored === 0n) report.checksum = 'disabled';
      else if (stored !== computed) {
        report.checksum = 'mismatch';
        throw new RdbProblem('checksum_mismatch', at, {
          stored: stored.toString(16).padStart(16, '0'),
          computed: computed.toString(16).padStart(16, '0'),
        });
      } else report.checksum = 'ok';
    } else report.checksum = 'absent';
    const end = r.offset;
    const extra = await r.drain();
    if (extra > 0) throw new RdbProblem('trailing_bytes', end, { count: extra });
  }

  // Lengths and strings.

  /** A length; `special` is the encoding byte when the first byte says "special string" (11xxxxxx). */
  async lengthOrSpecial(): Promise<{ value: number; special: number | null }> {
    const r = this.r;
    const at = r.offset;
    await r.need(1);
    const first = r.peek();
    const kind = first >> 6;
    if (kind === 0) {
      r.u8();
      return { value: first & 0x3f, special: null };
    }
    if (kind === 1) {
      await r.need(2);
      r.u8();
      return { value: ((first & 0x3f) << 8) | r.u8(), special: null };
    }
    if (kind === 3) {
      r.u8();
      return { value: 0, special: first };
    }
    if (first === 0x80) {
      await r.need(5);
      const b = r.take(5);
      return { value: ((b[1]! << 24) >>> 0) + (b[2]! << 16) + (b[3]! << 8) + b[4]!, special: null };
    }
    if (first === 0x81) {
      await r.need(9);
      const b = r.take(9);
      let v = 0n;
      for (let i = 1; i < 9; i++) v = (v << 8n) | BigInt(b[i]!);
      if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new RdbProblem('bad_length', at, { byte: hex(first) });
      return { value: Number(v), special: null };
    }
    throw new RdbProblem('bad_length', at, { byte: hex(first) });
  }

  async length(): Promise<number> {
    const at = this.r.offset;
    const { value, special } = await this.lengthOrSpecial();
    if (special !== null) throw new RdbProblem('bad_length', at, { byte: hex(special) });
    return value;
  }

  /** Reads a string in any of its encodings; returns its text for `text` mode (else ''). */
  async string(mode: StringMode): Promise<string> {
    const r = this.r;
    const at = r.offset;
    const { value: len, special } = await this.lengthOrSpecial();
    if (special !== null) {
      const encoding = special & 0x3f;
      if (encoding <= 2) {
        const width = 1 << encoding;
        await r.need(width);
        const b = r.take(width);
        if (mode.kind === 'blob') throw this.badBlob(mode, at, { reason: 'integer' });
        if (mode.kind !== 'text') return '';
        const view = new DataView(b.buffer, b.byteOffset, width);
        return String(
          width === 1 ? view.getInt8(0) : width === 2 ? view.getInt16(0, true) : view.getInt32(0, true),
        );
      }
      if (encoding === 3) return this.lzf(mode, at);
      throw new RdbProblem('bad_string_encoding', at, { byte: hex(special) });
    }
    if (mode.kind === 'text' && len <= SMALL_TEXT) {
      await r.need(len);
      return Buffer.from(r.take(len)).toString('utf8');
    }
    if (mode.kind === 'blob') {
      await this.rawBlob(mode, len, r.offset);
      return '';
    }
    await r.skip(len);
    return '';
  }

  private async lzf(mode: StringMode, at: number): Promise<string> {
    const r = this.r;
    const clen = await this.length();
    const ulen = await this.length();
    const decode = mode.kind !== 'skip' && ulen <= MAX_DECODED_BLOB && clen <= MAX_DECODED_BLOB;
    if (!decode) {
      // A value (or a blob too large to decode here): its LZF structure is checked as it streams by.
      const checker = new LzfChecker(ulen);
      await r.pass(clen, (bytes, start, end) => checker.feed(bytes, start, end));
      const problem = checker.finish();
      if (problem) throw new RdbProblem('bad_lzf', at, { ...problem });
      return '';
    }
    await r.need(clen);
    const input = r.take(clen);
    const out = decode ? new Uint8Array(ulen) : undefined;
    const problem = lzfProblem(input, ulen, out);
    if (problem) throw new RdbProblem('bad_lzf', at, { ...problem });
    if (!out) return '';
    if (mode.kind === 'blob') {
      const head = blobHeadProblem(mode.encoding, out, ulen);
      const end = blobEnd(mode.encoding);
      if (head) throw this.badBlob(mode, at, { ...head });
      if (end !== null && out[ulen - 1] !== end) throw this.badBlob(mode, at, { reason: 'end' });
      return '';
    }
    return Buffer.from(out).toString('utf8');
  }

  private async rawBlob(mode: Extract<StringMode, { kind: 'blob' }>, len: number, at: number): Promise<void> {
    const r = this.r;
    const headLength = Math.min(len, BLOB_HEAD[mode.encoding]);
    await r.need(headLength);
    const head = r.take(headLength);
    const problem = blobHeadProblem(mode.encoding, head, len);
    if (problem) throw this.badBlob(mode, at, { ...problem });
    const end = blobEnd(mode.encoding);
    if (end === null) return r.skip(len - headLength);
    await r.skip(len - headLength - 1);
    if ((await r.byte()) !== end) throw this.badBlob(mode, at, { reason: 'end' });
  }

  private badBlob(mode: Extract<StringMode, { kind: 'blob' }>, at: number, why: ProblemParams): RdbProblem {
    return new RdbProblem('bad_blob', at, { encoding: mode.encoding, key: mode.key, ...why });
  }

  private async keyName(): Promise<string> {
    const name = await this.string({ kind: 'text' });
    return name.length > 200 ? `${name.slice(0, 200)}…` : name;
  }

  skipString(): Promise<string> {
    return this.string({ kind: 'skip' });
  }

  blob(encoding: BlobEncoding): Promise<string> {
    return this.string({ kind: 'blob', encoding, key: this.key });
  }

  /** A one-byte length (the old zset score). */
  bytesLength(): Promise<number> {
    return this.r.byte();
  }

  async ascii(n: number): Promise<string> {
    await this.r.need(n);
    return String.fromCharCode(...this.r.take(n));
  }

  /** The length of a string that must be stored raw (not as an integer or LZF). */
  async rawLength(): Promise<{ length: number }> {
    const at = this.r.offset;
    const { value, special } = await this.lengthOrSpecial();
    if (special !== null) throw new RdbProblem('bad_stream', at, { key: this.key, reason: 'encoded_id' });
    return { length: value };
  }

  async bytes(n: number): Promise<void> {
    await this.r.need(n);
    this.r.take(n);
  }

  get currentKey(): string {
    return this.key;
  }

  get offset(): number {
    return this.r.offset;
  }

  // Opcodes with a payload of their own.

  private async aux(): Promise<void> {
    const name = await this.string({ kind: 'text' });
    const value = await this.string({ kind: 'text' });
    const report = this.report;
    if (Object.keys(report.aux).length < MAX_AUX) report.aux[name.slice(0, 64)] = value.slice(0, 256);
    if (name === 'redis-ver') report.redisVersion = value.slice(0, 64);
    if (name === 'ctime' && /^\d{1,12}$/.test(value))
      report.createdAt = new Date(Number(value) * 1000).toISOString();
  }

  private async moduleAux(): Promise<void> {
    const id = await this.moduleIdName();
    const whenAt = this.r.offset;
    const whenOpcode = await this.length();
    if (whenOpcode !== 2) throw new RdbProblem('module_aux_when', whenAt, { opcode: whenOpcode });
    await this.length();
    await this.moduleValue(id);
  }

  async moduleIdName(): Promise<string> {
    const r = this.r;
    await r.need(1);
    const first = r.peek();
    let id: bigint;
    if (first === 0x81) {
      await r.need(9);
      const b = r.take(9);
      id = 0n;
      for (let i = 1; i < 9; i++) id = (id << 8n) | BigInt(b[i]!);
    } else id = BigInt(await this.length());
    return moduleName(id);
  }

  /** A module value in the generic form (module 2): opcodes until 0. */
  async moduleValue(module: string): Promise<void> {
    for (;;) {
      const at = this.r.offset;
      const opcode = await this.length();
      if (opcode === 0) return;
      if (opcode === 1 || opcode === 2) await this.lengthOrBig();
      else if (opcode === 3) await this.bytes(4);
      else if (opcode === 4) await this.bytes(8);
      else if (opcode === 5) await this.skipString();
      else throw new RdbProblem('module_opcode', at, { opcode, module });
    }
  }

  /** A length that may be a full 64-bit value (module integers). */
  private async lengthOrBig(): Promise<void> {
    const r = this.r;
    await r.need(1);
    if (r.peek() === 0x81) return this.bytes(9);
    await this.length();
  }
}

const MODULE_CHARSET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function moduleName(id: bigint): string {
  let name = '';
  let rest = id >> 10n;
  for (let i = 0; i < 9; i++) {
    name = MODULE_CHARSET[Number(rest & 63n)] + name;
    rest >>= 6n;
  }
  return name;
}

type ValueReader = { read: (v: RdbVerifier) => Promise<string> };

async function repeat(v: RdbVerifier, perItem: () => Promise<unknown>): Promise<void> {
  const n = await v.length();
  for (let i = 0; i < n; i++) await perItem();
}

const blobOf =
  (logical: string, encoding: BlobEncoding): ValueReader['read'] =>
  async (v) => {
    await v.blob(encoding);
    return logical;
  };

async function asciiScore(v: RdbVerifier): Promise<void> {
  const at = v.offset;
  const len = await v.bytesLength();
  if (len >= 253) return;
  const text = await v.ascii(len);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) && !/^[-+]?(inf|nan)$/i.test(text))
    throw new RdbProblem('bad_score', at, { key: v.currentKey });
}

async function quicklist2(v: RdbVerifier): Promise<string> {
  const n = await v.length();
  for (let i = 0; i < n; i++) {
    const at = v.offset;
    const container = await v.length();
    if (container === 2) await v.blob('listpack');
    else if (container === 1) await v.skipString();
    else throw new RdbProblem('bad_quicklist_container', at, { container, key: v.currentKey });
  }
  return 'list';
}

async function stream(v: RdbVerifier, version: 1 | 2 | 3): Promise<string> {
  const nodes = await v.length();
  for (let i = 0; i < nodes; i++) {
    const at = v.offset;
    const { length: idLength } = await v.rawLength();
    if (idLength !== 16) {
      throw new RdbProblem('bad_stream', at, {
        key: v.currentKey,
        reason: 'id_length',
        length: idLength,
      });
    }
    await v.bytes(16);
    await v.blob('listpack');
  }
  await v.length(); // entries
  await v.length(); // last ID ms
  await v.length(); // last ID seq
  if (version >= 2) for (let i = 0; i < 5; i++) await v.length(); // first ID, max deleted ID, entries added
  const groups = await v.length();
  for (let g = 0; g < groups; g++) {
    await v.skipString(); // name
    await v.length();
    await v.length();
    if (version >= 2) await v.length(); // entries read
    await repeat(v, async () => {
      await v.bytes(16 + 8); // ID, delivery time
      await v.length(); // delivery count
    });
    await repeat(v, async () => {
      await v.skipString(); // consumer name
      await v.bytes(version >= 3 ? 16 : 8); // seen time (and active time)
      await repeat(v, () => v.bytes(16));
    });
  }
  return 'stream';
}

async function module2(v: RdbVerifier): Promise<string> {
  const name = await v.moduleIdName();
  await v.moduleValue(name);
  return `module:${name}`;
}

async function modulePreGa(v: RdbVerifier): Promise<string> {
  const at = v.offset;
  const name = await v.moduleIdName();
  throw new RdbProblem('module_pre_ga', at, { module: name });
}

async function hashWithTtls(v: RdbVerifier, minExpire: boolean): Promise<string> {
  if (minExpire) await v.bytes(8);
  await repeat(v, async () => {
    await v.length(); // TTL
    await v.skipString();
    await v.skipString();
  });
  return 'hash';
}

const VALUE_TYPES: Record<number, ValueReader> = {
  0: { read: async (v) => (await v.skipString(), 'string') },
  1: { read: async (v) => (await repeat(v, () => v.skipString()), 'list') },
  2: { read: async (v) => (await repeat(v, () => v.skipString()), 'set') },
  3: {
    read: async (v) => {
      await repeat(v, async () => {
        await v.skipString();
        await asciiScore(v);
      });
      return 'zset';
    },
  },
  4: {
    read: async (v) => {
      await repeat(v, async () => {
        await v.skipString();
        await v.skipString();
      });
      return 'hash';
    },
  },
  5: {
    read: async (v) => {
      await repeat(v, async () => {
        await v.skipString();
        await v.bytes(8);
      });
      return 'zset';
    },
  },
  6: { read: modulePreGa },
  7: { read: module2 },
  9: { read: blobOf('hash', 'zipmap') },
  10: { read: blobOf('list', 'ziplist') },
  11: { read: blobOf('set', 'intset') },
  12: { read: blobOf('zset', 'ziplist') },
  13: { read: blobOf('hash', 'ziplist') },
  14: { read: async (v) => (await repeat(v, () => v.blob('ziplist')), 'list') },
  15: { read: (v) => stream(v, 1) },
  16: { read: blobOf('hash', 'listpack') },
  17: { read: blobOf('zset', 'listpack') },
  18: { read: quicklist2 },
  19: { read: (v) => stream(v, 2) },
  20: { read: blobOf('set', 'listpack') },
  21: { read: (v) => stream(v, 3) },
  22: { read: (v) => hashWithTtls(v, false) },
  23: { read: blobOf('hash', 'listpack') },
  24: { read: (v) => hashWithTtls(v, true) },
  25: {
    read: async (v) => {
      await v.bytes(8);
      await v.blob('listpack');
      return 'hash';
    },
  },
};

export async function verifyRdb(
  chunks: AsyncIterable<Uint8Array>,
  { expectedSize, onProgress, now = Date.now }: VerifyRdbOptions = {},
): Promise<RdbReport> {
  const started = now();
  const reader = new ByteReader(chunks[Symbol.asyncIterator](), onProgress);
  const verifier = new RdbVerifier(reader);
  const report = verifier.report;
  try {
    await verifier.run();
    if (expectedSize !== undefined && reader.bytesRead !== expectedSize) {
      throw new RdbProblem('size_mismatch', Math.min(reader.bytesRead, expectedSize), {
        expected: expectedSize,
        actual: reader.bytesRead,
      });
    }
  } catch (err) {
    if (!(err instanceof RdbProblem)) throw err;
    report.status = STATUS_OF[err.code] as RdbReport['status'];
    report.problem = err.toProblem();
  }
  report.bytesRead = reader.bytesRead;
  report.durationMs = now() - started;
  return report;
}
