import type { Rng } from '../seed/prng';
import {
  OPCODE,
  TYPE,
  asciiDouble,
  binaryDouble,
  expireMs,
  intset,
  keyRecord,
  length,
  listpack,
  millis,
  moduleId,
  moduleValue,
  rawString,
  streamId,
  string,
  ziplist,
  type Bytes,
} from './encode';

// The small keys every generated RDB carries before its bulk: one or more of each type and encoding the RDB
// version has, as that Redis version writes them, so a verifier meets what a real dump holds.

export interface SampleKey {
  /** The record: optional expiry / IDLE prefix, type, key, value. */
  bytes: Bytes;
  expires: boolean;
}

export interface Samples {
  /** Opcodes before the first SELECTDB (functions). */
  preamble: Bytes[];
  db0: SampleKey[];
  /** A second database's keys, so keys per database means something. */
  db3: SampleKey[];
}

export interface SampleOptions {
  version: number;
  /** Seconds since the epoch the dump was taken; expiries are set after it. */
  ctime: number;
  /** Tair instances hold module values (TairHash). */
  tair: boolean;
  rng: Rng;
}

const key = (type: number, name: string, ...value: Bytes[]): SampleKey => ({
  bytes: keyRecord(type, name, ...value),
  expires: false,
});

function words(rng: Rng, n: number): string[] {
  const vocabulary = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india'];
  return Array.from({ length: n }, (_, i) => `${vocabulary[Math.floor(rng() * vocabulary.length)]}-${i}`);
}

function listKey(version: number, rng: Rng): SampleKey {
  const items: Array<string | number> = [...words(rng, 5), 7, 300, -70000, 2 ** 40];
  if (version >= 10) {
    // Quicklist 2: a packed node (a listpack) and a plain node (one large element).
    return key(
      TYPE.listQuicklist2,
      'queue:jobs',
      length(2),
      length(2),
      string(listpack(items)),
      length(1),
      string(`payload:${'x'.repeat(90)}`),
    );
  }
  if (version >= 7) {
    const half = Math.ceil(items.length / 2);
    return key(
      TYPE.listQuicklist,
      'queue:jobs',
      length(2),
      string(ziplist(items.slice(0, half))),
      string(ziplist(items.slice(half))),
    );
  }
  return key(TYPE.listZiplist, 'queue:jobs', string(ziplist(items)));
}

function zsetKeys(version: number, rng: Rng): SampleKey[] {
  const members = words(rng, 4);
  const scores = members.map((_, i) => i * 1.5 + Math.floor(rng() * 100));
  const big =
    version >= 8
      ? key(
          TYPE.zset2,
          'leaderboard:global',
          length(members.length),
          ...members.flatMap((m, i) => [string(m), binaryDouble(scores[i]!)]),
        )
      : key(
          TYPE.zset,
          'leaderboard:global',
          length(members.length),
          ...members.flatMap((m, i) => [string(m), asciiDouble(scores[i]!)]),
        );
  const pairs = members.flatMap((m, i) => [m, String(scores[i])]);
  const small =
    version >= 10
      ? key(TYPE.zsetListpack, 'leaderboard:daily', string(listpack(pairs)))
      : key(TYPE.zsetZiplist, 'leaderboard:daily', string(ziplist(pairs)));
  return [big, small];
}

function hashKeys(version: number, rng: Rng): SampleKey[] {
  const fields = ['name', 'email', 'plan', 'visits'];
  const values = [words(rng, 1)[0]!, 'ops@example.com', 'pro', 42];
  const big = key(
    TYPE.hash,
    'user:1001',
    length(fields.length),
    ...fields.flatMap((f, i) => [string(f), string(String(values[i]))]),
  );
  const pairs = fields.flatMap((f, i) => [f, values[i]!]);
  const small =
    version >= 10
      ? key(TYPE.hashListpack, 'user:1002', string(listpack(pairs)))
      : key(TYPE.hashZiplist, 'user:1002', string(ziplist(pairs)));
  const out = [big, small];
  if (version >= 12) {
    // Hash fields with their own TTLs (Redis 7.4): the smallest expiry, then each field's TTL, field, value.
    const ttl = 1 * 86_400_000;
    out.push(
      key(
        TYPE.hashMetadata,
        'user:1003:tokens',
        millis(ttl),
        length(2),
        length(ttl),
        string('access'),
        string('a1b2c3'),
        length(0),
        string('refresh'),
        string('d4e5f6'),
      ),
    );
  }
  return out;
}

function setKeys(version: number, rng: Rng): SampleKey[] {
  const out = [
    key(TYPE.setIntset, 'ids:active', string(intset([3, 1, 4, 15, 92, 6535, 70000, -2]))),
    key(TYPE.set, 'tags:all', length(3), ...words(rng, 3).map((w) => string(w))),
  ];
  if (version >= 11)
    out.push(key(TYPE.setListpack, 'tags:small', string(listpack(['red', 'green', 'blue']))));
  return out;
}

/** One listpack node of three entries with the same fields, a consumer group with one pending entry. */
function streamKey(version: number, ctimeMs: number): SampleKey {
  const ms = ctimeMs - 60_000;
  const fields = ['sensor', 'value'];
  const entries = [0, 1, 2].map((seq) => ({ seq, values: [`s-${seq}`, 20 + seq] }));
  const lp = listpack([
    entries.length,
    0,
    fields.length,
    ...fields,
    0,
    ...entries.flatMap((e) => [2 /* SAMEFIELDS */, 0, e.seq, ...e.values, fields.length + 3]),
  ]);
  const type =
    version >= 11 ? TYPE.streamListpacks3 : version >= 10 ? TYPE.streamListpacks2 : TYPE.streamListpacks;
  const v2 = type !== TYPE.streamListpacks;
  const pending = streamId(ms, 1);
  const parts: Bytes[] = [
    length(1),
    string(streamId(ms, 0)),
    string(lp),
    length(entries.length),
    length(ms),
    length(2),
  ];
  if (v2) parts.push(length(ms), length(0), length(0), length(0), length(entries.length));
  parts.push(length(1), string('workers'), length(ms), length(1));
  if (v2) parts.push(length(2));
  parts.push(length(1), pending, millis(ctimeMs - 30_000), length(1));
  parts.push(length(1), string('worker-1'), millis(ctimeMs - 30_000));
  if (type === TYPE.streamListpacks3) parts.push(millis(ctimeMs - 30_000));
  parts.push(length(1), pending);
  return key(type, 'events:sensors', ...parts);
}

export function sampleKeys({ version, ctime, tair, rng }: SampleOptions): Samples {
  const ctimeMs = ctime * 1000;
  const expiring = (record: SampleKey): SampleKey => ({
    bytes: Buffer.concat([expireMs(ctimeMs + 30 * 86_400_000), record.bytes]),
    expires: true,
  });
  const db0: SampleKey[] = [
    key(TYPE.string, 'greeting', string('hello from the emulator')),
    key(TYPE.string, 'counter:visits', string(String(100_000 + Math.floor(rng() * 900_000)))),
    key(TYPE.string, 'page:/home', string(`<html>${'<p>cached</p>'.repeat(20)}</html>`)),
    key(TYPE.string, 'raw:bytes', rawString(Buffer.from([0, 1, 2, 254, 255]))),
    expiring(key(TYPE.string, `session:${Math.floor(rng() * 1e9).toString(16)}`, string('user=1001'))),
    listKey(version, rng),
    ...setKeys(version, rng),
    ...zsetKeys(version, rng),
    ...hashKeys(version, rng),
  ];
  if (version <= 6) db0.push(key(TYPE.list, 'log:plain', length(2), string('first'), string('second')));
  if (version >= 9) {
    db0.push(streamKey(version, ctimeMs));
    // An LRU idle time, as written under an LRU maxmemory policy.
    const idle = key(TYPE.string, 'cold:item', string('rarely read'));
    db0.push({
      bytes: Buffer.concat([Buffer.from([OPCODE.idle]), length(3600), idle.bytes]),
      expires: false,
    });
  }
  if (tair) {
    db0.push(
      key(
        TYPE.module2,
        'tair:hash:prices',
        length(moduleId('tairhash-', 0)),
        moduleValue([
          { uint: 2 },
          { string: 'apple' },
          { string: '3.5' },
          { string: 'pear' },
          { string: '2' },
        ]),
      ),
    );
  }
  const db3 = [
    key(TYPE.string, 'config:version', string('42')),
    expiring(key(TYPE.string, 'lock:nightly', string('held'))),
  ];
  const preamble: Bytes[] = [];
  if (version >= 10) {
    const code = "#!lua name=emulator\nredis.register_function('ping2', function() return 'pong' end)";
    preamble.push(Buffer.concat([Buffer.from([OPCODE.function2]), string(code)]));
  }
  return { preamble, db0, db3 };
}
