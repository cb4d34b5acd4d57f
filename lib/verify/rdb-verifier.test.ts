import { describe, expect, it } from 'vitest';
import {
  OPCODE,
  TYPE,
  aux,
  binaryDouble,
  asciiDouble,
  expireMs,
  header,
  intString,
  intset,
  keyRecord,
  length,
  listpack,
  lzfString,
  millis,
  moduleId,
  moduleValue,
  rawString,
  resizeDb,
  selectDb,
  streamId,
  string,
  ziplist,
} from '@/emulator/rdb/encode';
import { rdbFile } from '@/emulator/rdb/rdb-file';
import { createRng } from '@/emulator/seed/prng';
import { crc64 } from './crc64';
import { verifyRdb, type RdbReport } from './rdb-verifier';

// The verifier byte by byte, on files built record by record with the encoders the emulator uses, fed in
// chunks of every size so that no field is read only when it happens to sit within one chunk.

function rdb(version: number, ...records: Buffer[]): Buffer {
  const body = Buffer.concat([header(version), ...records, Buffer.from([OPCODE.eof])]);
  if (version < 5) return body;
  const crc = Buffer.alloc(8);
  crc.writeBigUInt64LE(crc64(body));
  return Buffer.concat([body, crc]);
}

async function* chunked(bytes: Uint8Array, sizes: () => number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length;) {
    const n = Math.max(1, sizes());
    yield bytes.subarray(at, at + n);
    at += n;
  }
}

/** The report, after checking every way of cutting the stream into chunks gives the same one. */
async function verify(bytes: Uint8Array, expectedSize?: number): Promise<RdbReport> {
  const rng = createRng(bytes.length);
  const runs = [() => bytes.length, () => 1, () => 3, () => 8, () => 1 + Math.floor(rng() * 40)];
  const reports: RdbReport[] = [];
  for (const sizes of runs)
    reports.push(await verifyRdb(chunked(bytes, sizes), { expectedSize, now: () => 0 }));
  // Where it stops reading depends on the chunks it was handed; everything it found does not.
  const found = ({ bytesRead, ...rest }: RdbReport) => (rest.status === 'ok' ? { ...rest, bytesRead } : rest);
  for (const r of reports.slice(1)) expect(found(r)).toEqual(found(reports[0]!));
  return reports[0]!;
}

const key = (type: number, name: string, ...value: Buffer[]) => keyRecord(type, name, ...value);
/** Blob contents that compress, so a blob can be checked stored raw and LZF-compressed alike. */
const REPEATED = Array.from({ length: 40 }, () => 'field');
const NUMBERS = Array.from({ length: 40 }, (_, i) => (i + 1) * 2 ** 40);

describe('the reference files', () => {
  it('accepts the 18-byte empty RDB 9', async () => {
    const report = await verify(Buffer.from('524544495330303039ff9aac7abcfb0fad74', 'hex'));
    expect(report).toMatchObject({ status: 'ok', rdbVersion: 9, keys: 0, checksum: 'ok', bytesRead: 18 });
  });

  it('reads the 74-byte file: two AUX fields, SELECTDB 0, RESIZEDB, two strings', async () => {
    const bytes = Buffer.from(
      '524544495330303039fa0972656469732d76657206372e302e3135fa0a72656469732d626974730236' +
        '34fe00fb020000016101310005' +
        '68656c6c6f05776f726c64ffada41b47866a3150',
      'hex',
    );
    const report = await verify(bytes);
    expect(report).toMatchObject({
      status: 'ok',
      redisVersion: '7.0.15',
      aux: { 'redis-ver': '7.0.15', 'redis-bits': '64' },
      keys: 2,
      keysByDb: { 0: 2 },
      keysByType: { string: 2 },
      checksum: 'ok',
    });
  });

  it('accepts a file written with rdbchecksum no (8 zero bytes)', async () => {
    const body = Buffer.from('REDIS0009\xff', 'latin1');
    const report = await verify(Buffer.concat([body, Buffer.alloc(8)]));
    expect(report).toMatchObject({ status: 'ok', checksum: 'disabled' });
  });

  it('reads a version 4 file, which has no checksum', async () => {
    const report = await verify(rdb(4, selectDb(0), key(TYPE.string, 'k', string('v'))));
    expect(report).toMatchObject({ status: 'ok', checksum: 'absent', keys: 1 });
  });
});

describe('lengths and strings', () => {
  it.each([
    ['6-bit', 63],
    ['14-bit', 64],
    ['14-bit max', 16_383],
    ['32-bit', 16_384],
    ['32-bit large', 100_000],
  ])('reads a %s length (%i bytes)', async (_name, n) => {
    const value = Buffer.alloc(n, 0x61);
    const report = await verify(rdb(9, selectDb(0), key(TYPE.string, 'k', rawString(value))));
    expect(report).toMatchObject({ status: 'ok', keys: 1 });
    expect(length(n)[0]! >> 6).toBe(n < 64 ? 0 : n < 16384 ? 1 : 2);
  });

  it('reads a 64-bit length (0x81)', async () => {
    const value = Buffer.from([0x81, 0, 0, 0, 0, 0, 0, 0, 3, 0x61, 0x62, 0x63]);
    const report = await verify(rdb(9, selectDb(0), Buffer.from([TYPE.string]), string('k'), value));
    expect(report).toMatchObject({ status: 'ok', keys: 1 });
  });

  it.each([0x82, 0xbf])('rejects the length encoding 0x%s', async (first) => {
    const bytes = rdb(9, selectDb(0), Buffer.from([TYPE.string]), Buffer.from([first, 0, 0, 0, 1]));
    const report = await verify(bytes);
    expect(report).toMatchObject({ status: 'corrupt', problem: { code: 'bad_length', offset: 12 } });
  });

  it('reads integer-encoded strings of 8, 16 and 32 bits', async () => {
    const report = await verify(
      rdb(
        9,
        aux('ctime', '1700000000'),
        selectDb(0),
        key(TYPE.string, 'a', intString(-5)),
        key(TYPE.string, 'b', intString(3000)),
        key(TYPE.string, 'c', intString(-2_000_000_000)),
        Buffer.concat([Buffer.from([TYPE.string]), intString(42), intString(1)]),
      ),
    );
    expect(report).toMatchObject({ status: 'ok', keys: 4, createdAt: '2023-11-14T22:13:20.000Z' });
  });

  it('reads an LZF-compressed string and checks it decodes to its stated length', async () => {
    const ok = await verify(
      rdb(9, selectDb(0), key(TYPE.string, 'k', lzfString('abcabcabcabcabcabcabcabcabc'))),
    );
    expect(ok.status).toBe('ok');

    const compressed = lzfString('abcabcabcabcabcabcabcabcabc');
    const lying = Buffer.from(compressed);
    lying[2] = lying[2]! + 1; // the uncompressed length, one too many
    const bad = await verify(rdb(9, selectDb(0), key(TYPE.string, 'k', lying)));
    expect(bad).toMatchObject({ status: 'corrupt', problem: { code: 'bad_lzf' } });

    const backwards = Buffer.concat([
      Buffer.from([0xc3]),
      length(3),
      length(10),
      Buffer.from([0x20, 0x05, 0x00]),
    ]);
    const before = await verify(rdb(9, selectDb(0), key(TYPE.string, 'k', backwards)));
    expect(before.problem).toMatchObject({
      code: 'bad_lzf',
      params: { reason: 'backref_before_start' },
    });
  });

  it('rejects an unknown special string encoding', async () => {
    const report = await verify(rdb(9, selectDb(0), Buffer.from([TYPE.string, 0xc4])));
    expect(report).toMatchObject({ status: 'corrupt', problem: { code: 'bad_string_encoding', offset: 12 } });
  });
});

describe('opcodes', () => {
  it('reads AUX, RESIZEDB, SELECTDB, both expiries, IDLE, FREQ, SLOT_INFO and FUNCTION2', async () => {
    const report = await verify(
      rdb(
        12,
        aux('redis-ver', '7.4.1'),
        aux('aof-base', '0'),
        Buffer.concat([Buffer.from([OPCODE.function2]), string('#!lua name=x\nredis.register_function()')]),
        selectDb(0),
        resizeDb(4, 2),
        Buffer.concat([Buffer.from([OPCODE.slotInfo]), length(5), length(4), length(2)]),
        expireMs(1_900_000_000_000),
        key(TYPE.string, 'a', string('1')),
        Buffer.concat([Buffer.from([OPCODE.expireSeconds]), Buffer.from([0, 0, 0, 0x70])]),
        key(TYPE.string, 'b', string('2')),
        Buffer.concat([Buffer.from([OPCODE.idle]), length(3600)]),
        key(TYPE.string, 'c', string('3')),
        Buffer.concat([Buffer.from([OPCODE.freq]), Buffer.from([200])]),
        key(TYPE.string, 'd', string('4')),
        selectDb(15),
        key(TYPE.string, 'e', string('5')),
      ),
    );
    expect(report).toMatchObject({
      status: 'ok',
      rdbVersion: 12,
      redisVersion: '7.4.1',
      keys: 5,
      expires: 2,
      keysByDb: { 0: 4, 15: 1 },
    });
  });

  it('reads MODULE_AUX and refuses a when-opcode other than 2', async () => {
    const id = length(moduleId('tairhash-', 1));
    const good = Buffer.concat([
      Buffer.from([OPCODE.moduleAux]),
      id,
      length(2),
      length(2),
      moduleValue([{ uint: 7 }]),
    ]);
    expect((await verify(rdb(9, good))).status).toBe('ok');
    const bad = Buffer.concat([Buffer.from([OPCODE.moduleAux]), id, length(5), length(2), moduleValue([])]);
    expect((await verify(rdb(9, bad))).problem).toMatchObject({
      code: 'module_aux_when',
      params: { opcode: 5 },
    });
  });

  it('calls the 7.0 release-candidate function format unsupported', async () => {
    const report = await verify(rdb(10, Buffer.from([0xf6]), string('lib')));
    expect(report).toMatchObject({ status: 'unsupported', problem: { code: 'function_pre_ga', offset: 9 } });
  });

  it.each([8, 26, 100, 0xf3])('rejects type or opcode %i where a record starts', async (type) => {
    const report = await verify(rdb(9, selectDb(0), Buffer.from([type]), string('k'), string('v')));
    expect(report).toMatchObject({
      status: 'corrupt',
      problem: { code: 'invalid_type', offset: 11, params: { type } },
    });
  });
});

const streamValue = (v: 1 | 2 | 3) => {
  const lp = listpack([1, 0, 1, 'f', 0, 2, 0, 0, 'v', 4]);
  const parts = [length(1), string(streamId(1000, 0)), string(lp), length(1), length(1000), length(0)];
  if (v >= 2) parts.push(length(1000), length(0), length(0), length(0), length(1));
  parts.push(length(1), string('g'), length(1000), length(0));
  if (v >= 2) parts.push(length(1));
  parts.push(length(1), streamId(1000, 0), millis(5), length(1));
  parts.push(length(1), string('c'), millis(5));
  if (v >= 3) parts.push(millis(6));
  parts.push(length(1), streamId(1000, 0));
  return parts;
};

describe('every value type', () => {
  const cases: Array<[string, number, Buffer[], string]> = [
    ['string', TYPE.string, [string('v')], 'string'],
    ['list', TYPE.list, [length(2), string('a'), string('b')], 'list'],
    ['set', TYPE.set, [length(2), string('a'), string('b')], 'set'],
    [
      'zset (ASCII scores)',
      TYPE.zset,
      [
        length(3),
        string('a'),
        asciiDouble(1.5),
        string('b'),
        asciiDouble(Infinity),
        string('c'),
        asciiDouble(NaN),
      ],
      'zset',
    ],
    ['hash', TYPE.hash, [length(1), string('f'), string('v')], 'hash'],
    ['zset2', TYPE.zset2, [length(1), string('a'), binaryDouble(2.5)], 'zset'],
    [
      'module2',
      TYPE.module2,
      [
        length(moduleId('tairhash-', 0)),
        moduleValue([{ uint: 1 }, { sint: -4 }, { float: 1.5 }, { double: 2 }, { string: 'x' }]),
      ],
      'module:tairhash-',
    ],
    ['zipmap', TYPE.hashZipmap, [string(Buffer.from([1, 1, 0x66, 1, 0, 0x76, 0xff]))], 'hash'],
    ['ziplist list', TYPE.listZiplist, [string(ziplist(['a', 1, 'bc', 70000]))], 'list'],
    ['intset', TYPE.setIntset, [string(intset([1, 2, 3]))], 'set'],
    ['ziplist zset', TYPE.zsetZiplist, [string(ziplist(['a', '1']))], 'zset'],
    ['ziplist hash', TYPE.hashZiplist, [string(ziplist(['f', 'v']))], 'hash'],
    ['quicklist', TYPE.listQuicklist, [length(2), string(ziplist(['a'])), string(ziplist([1, 2]))], 'list'],
    ['stream v1', TYPE.streamListpacks, streamValue(1), 'stream'],
    ['listpack hash', TYPE.hashListpack, [string(listpack(['f', 'v']))], 'hash'],
    ['listpack zset', TYPE.zsetListpack, [string(listpack(['a', 1]))], 'zset'],
    [
      'quicklist 2',
      TYPE.listQuicklist2,
      [length(2), length(2), string(listpack(['a', 5000])), length(1), string('plain')],
      'list',
    ],
    ['stream v2', TYPE.streamListpacks2, streamValue(2), 'stream'],
    ['listpack set', TYPE.setListpack, [string(listpack(['a', 'b']))], 'set'],
    ['stream v3', TYPE.streamListpacks3, streamValue(3), 'stream'],
    [
      'hash with TTLs (pre-GA)',
      TYPE.hashMetadataPreGa,
      [length(1), length(100), string('f'), string('v')],
      'hash',
    ],
    ['listpack hash with TTLs (pre-GA)', TYPE.hashListpackExPreGa, [string(listpack(['f', 'v', 0]))], 'hash'],
    [
      'hash with TTLs',
      TYPE.hashMetadata,
      [millis(10), length(1), length(100), string('f'), string('v')],
      'hash',
    ],
    ['listpack hash with TTLs', TYPE.hashListpackEx, [millis(10), string(listpack(['f', 'v', 0]))], 'hash'],
  ];

  it.each(cases)('reads a %s (type %i)', async (_name, type, value, logical) => {
    const report = await verify(rdb(12, selectDb(0), key(type, 'k', ...value)));
    expect(report.problem).toBeNull();
    expect(report.keysByType).toEqual({ [logical]: 1 });
  });

  it('calls a pre-release module value (type 6) unsupported, naming the module', async () => {
    const report = await verify(
      rdb(9, selectDb(0), key(TYPE.modulePreGa, 'k', length(moduleId('exstrtype', 0)), Buffer.from([1, 2]))),
    );
    expect(report).toMatchObject({
      status: 'unsupported',
      problem: { code: 'module_pre_ga', params: { module: 'exstrtype' } },
    });
  });

  it('rejects an unknown opcode inside a module value', async () => {
    const value = Buffer.concat([length(moduleId('tairhash-', 0)), length(9)]);
    const report = await verify(rdb(9, selectDb(0), key(TYPE.module2, 'k', value)));
    expect(report.problem).toMatchObject({
      code: 'module_opcode',
      params: { opcode: 9, module: 'tairhash-' },
    });
  });

  it.each([
    [
      'a ziplist whose size is wrong',
      TYPE.listZiplist,
      () => {
        const z = ziplist(REPEATED);
        z.writeUInt32LE(99, 0);
        return z;
      },
      'ziplist',
    ],
    [
      'a ziplist that does not end in 0xff',
      TYPE.listZiplist,
      () => {
        const z = ziplist(REPEATED);
        z[z.length - 1] = 0;
        return z;
      },
      'ziplist',
    ],
    [
      'a listpack whose size is wrong',
      TYPE.hashListpack,
      () => {
        const l = listpack(REPEATED);
        l.writeUInt32LE(5, 0);
        return l;
      },
      'listpack',
    ],
    [
      'an intset of 3-byte integers',
      TYPE.setIntset,
      () => {
        const i = intset(NUMBERS);
        i.writeUInt32LE(3, 0);
        return i;
      },
      'intset',
    ],
    [
      'an intset whose count is wrong',
      TYPE.setIntset,
      () => {
        const i = intset(NUMBERS);
        i.writeUInt32LE(5, 4);
        return i;
      },
      'intset',
    ],
  ])('rejects %s', async (_name, type, blob, encoding) => {
    // Raw, and LZF-compressed as Redis writes blobs over 20 bytes: the header is checked either way.
    for (const encode of [rawString, lzfString]) {
      const report = await verify(rdb(9, selectDb(0), key(type, 'k', encode(blob()))));
      expect(report).toMatchObject({
        status: 'corrupt',
        problem: { code: 'bad_blob', params: { encoding, key: 'k' } },
      });
    }
  });

  it('rejects a quicklist node container other than 1 or 2, and a stream node id not 16 bytes', async () => {
    const list = await verify(
      rdb(10, selectDb(0), key(TYPE.listQuicklist2, 'q', length(1), length(3), string('x'))),
    );
    expect(list.problem).toMatchObject({
      code: 'bad_quicklist_container',
      params: { container: 3, key: 'q' },
    });
    const stream = await verify(
      rdb(10, selectDb(0), key(TYPE.streamListpacks2, 's', length(1), rawString('short'))),
    );
    expect(stream.problem).toMatchObject({ code: 'bad_stream', params: { key: 's' } });
  });

  it('rejects an unreadable old-style sorted-set score', async () => {
    const score = Buffer.concat([Buffer.from([3]), Buffer.from('1x2')]);
    const report = await verify(rdb(6, selectDb(0), key(TYPE.zset, 'z', length(1), string('a'), score)));
    expect(report.problem).toMatchObject({ code: 'bad_score', params: { key: 'z' } });
  });
});

describe('the file as a whole', () => {
  it.each([
    ['gzip', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), 'unsupported', 'gzip'],
    ['an AOF', Buffer.from('*2\r\n$6\r\nSELECT\r\n'), 'unsupported', 'aof'],
    ['something else', Buffer.from('HELLO WORLD'), 'corrupt', 'bad_magic'],
    ['a version that is no number', Buffer.from('REDIS00x9\xff', 'latin1'), 'corrupt', 'bad_version'],
    ['version 0', Buffer.from('REDIS0000\xff', 'latin1'), 'corrupt', 'bad_version'],
  ])('tells %s from an RDB', async (_name, bytes, status, code) => {
    expect(await verify(bytes)).toMatchObject({ status, problem: { code } });
  });

  it('calls a version newer than 12 unsupported', async () => {
    const report = await verify(rdb(13, selectDb(0)));
    expect(report).toMatchObject({
      status: 'unsupported',
      problem: { code: 'newer_version', offset: 5, params: { version: 13, max: 12 } },
    });
  });

  it('finds a wrong checksum at the trailer', async () => {
    const bytes = rdb(10, selectDb(0), key(TYPE.string, 'k', string('v')));
    bytes[bytes.length - 3]! ^= 1;
    const report = await verify(bytes);
    expect(report).toMatchObject({
      status: 'corrupt',
      checksum: 'mismatch',
      problem: { code: 'checksum_mismatch', offset: bytes.length - 8 },
    });
  });

  it('rejects bytes after the checksum, and a size other than the backup’s', async () => {
    const bytes = rdb(10, selectDb(0), key(TYPE.string, 'k', string('v')));
    const extra = await verify(Buffer.concat([bytes, Buffer.from('junk')]));
    expect(extra.problem).toMatchObject({
      code: 'trailing_bytes',
      offset: bytes.length,
      params: { count: 4 },
    });
    const sized = await verify(bytes, bytes.length + 10);
    expect(sized).toMatchObject({
      status: 'corrupt',
      problem: { code: 'size_mismatch', params: { expected: bytes.length + 10, actual: bytes.length } },
    });
    expect((await verify(bytes, bytes.length)).status).toBe('ok');
  });

  it('reports progress as chunks arrive and counts the bytes read', async () => {
    const bytes = rdbFile({
      seed: 'progress',
      size: 300_000,
      engineVersion: '7.0',
      ctime: 1_700_000_000,
    }).read();
    const seen: number[] = [];
    const report = await verifyRdb(
      chunked(bytes, () => 65_536),
      { onProgress: (n) => seen.push(n) },
    );
    expect(report.bytesRead).toBe(300_000);
    expect(seen.at(-1)).toBe(300_000);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});

describe('damage anywhere', () => {
  const small = rdbFile({ seed: 'cut', size: 4_000, engineVersion: '7.0', ctime: 1_700_000_000 }).read();
  const older = rdbFile({
    seed: 'cut-5',
    size: 3_000,
    engineVersion: '5.0',
    ctime: 1_700_000_000,
    tair: true,
  }).read();

  it('the whole small files pass', async () => {
    expect((await verifyRdb(chunked(small, () => 100))).status).toBe('ok');
    expect((await verifyRdb(chunked(older, () => 100))).status).toBe('ok');
  });

  it.each([
    ['RDB 10', small],
    ['RDB 9 with a module value', older],
  ])('%s cut at every offset is truncated or corrupt, never ok, never a crash', async (_name, file) => {
    for (let cut = 0; cut < file.length; cut++) {
      const report = await verifyRdb(chunked(file.subarray(0, cut), () => 7));
      expect(report.status, `cut at ${cut}`).not.toBe('ok');
      expect(['truncated', 'corrupt', 'unsupported'], `cut at ${cut}`).toContain(report.status);
      expect(report.bytesRead).toBe(cut);
      if (cut >= 9) expect(report.status, `cut at ${cut}`).toBe('truncated');
    }
  });

  it('any one byte changed is never ok, never a crash', async () => {
    for (let at = 0; at < small.length; at++) {
      const bytes = Buffer.from(small);
      bytes[at]! ^= 0x5a;
      const report = await verifyRdb(
        chunked(bytes, () => 512),
        { expectedSize: small.length },
      );
      expect(report.status, `byte ${at} changed`).not.toBe('ok');
      expect(report.problem, `byte ${at} changed`).not.toBeNull();
    }
  });
});
