// The CRC-64 inner loop as a tiny WebAssembly module: slicing-by-16 with native 64-bit registers runs well ahead
// of slicing-by-8 over two 32-bit halves in JavaScript, which is what keeps a verification ahead of the
// network. The module is written out here instruction by instruction (no toolchain, nothing to download). Its
// memory: the CRC in and out at 0 (two 32-bit halves, so no BigInt crosses the boundary in a hot loop), sixteen
// 2 KiB tables from TABLES, the bytes to checksum from DATA.

const TABLES = 8;
/** Where the bytes to checksum go in the module's memory. */
export const DATA = TABLES + 16 * 256 * 8;

const op = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  i32Const: 0x41,
  i64Const: 0x42,
  i64Load: 0x29,
  i64Load8u: 0x31,
  i64Store: 0x37,
  i64Or: 0x84,
  i64Shl: 0x86,
  i64ExtendI32U: 0xad,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32And: 0x71,
  i32Shl: 0x74,
  i64And: 0x83,
  i64Xor: 0x85,
  i64ShrU: 0x88,
  i32WrapI64: 0xa7,
  empty: 0x40,
  i32: 0x7f,
  i64: 0x7e,
} as const;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const name = (text: string) => [...uleb(text.length), ...Buffer.from(text, 'latin1')];

// Parameters: 0 offset into the data, 1 length (i32). Locals: 2 end of whole 16-byte blocks, 3 end (i32), 4 the
// CRC, 5 and 6 the block's two words, the first xor the CRC (i64).
const [PTR, LEN, END16, END, CRC, W0, W1] = [0, 1, 2, 3, 4, 5, 6];
const get = (i: number) => [op.localGet, i];
const set = (i: number) => [op.localSet, i];
const load64 = (offset: number) => [op.i64Load, 3, ...uleb(offset)];

/** tables[table][byte j of word], the byte shifted straight to its entry's offset (byte × 8). */
function term(word: number, j: number, table: number): number[] {
  const shift = j === 0 ? [op.i64Const, 3, op.i64Shl] : [op.i64Const, ...sleb(8 * j - 3), op.i64ShrU];
  return [
    ...get(word),
    ...shift,
    op.i32WrapI64,
    op.i32Const,
    ...sleb(0x7f8),
    op.i32And,
    ...load64(TABLES + table * 2048),
  ];
}

const BYTES = [0, 1, 2, 3, 4, 5, 6, 7];

const body = [
  ...[op.i32Const, 0, ...load64(0), ...set(CRC)],
  ...[...get(PTR), ...get(LEN), op.i32Add, ...set(END)],
  ...[...get(PTR), ...get(LEN), op.i32Const, ...sleb(-16), op.i32And, op.i32Add, ...set(END16)],
  // Sixteen bytes a step: slicing-by-16.
  op.block,
  op.empty,
  op.loop,
  op.empty,
  ...[...get(PTR), ...get(END16), op.i32GeU, op.brIf, 1],
  ...[...get(CRC), ...get(PTR), ...load64(DATA), op.i64Xor, ...set(W0)],
  ...[...get(PTR), ...load64(DATA + 8), ...set(W1)],
  ...term(W0, 0, 15),
  ...BYTES.slice(1).flatMap((j) => [...term(W0, j, 15 - j), op.i64Xor]),
  ...BYTES.flatMap((j) => [...term(W1, j, 7 - j), op.i64Xor]),
  ...set(CRC),
  ...[...get(PTR), op.i32Const, 16, op.i32Add, ...set(PTR)],
  op.br,
  0,
  op.end,
  op.end,
  // The last few bytes one at a time.
  op.block,
  op.empty,
  op.loop,
  op.empty,
  ...[...get(PTR), ...get(END), op.i32GeU, op.brIf, 1],
  ...[...get(CRC), ...get(PTR), op.i64Load8u, 0, ...uleb(DATA), op.i64Xor, op.i32WrapI64],
  ...[op.i32Const, ...sleb(0xff), op.i32And, op.i32Const, 3, op.i32Shl, ...load64(TABLES)],
  ...[...get(CRC), op.i64Const, 8, op.i64ShrU, op.i64Xor, ...set(CRC)],
  ...[...get(PTR), op.i32Const, 1, op.i32Add, ...set(PTR)],
  op.br,
  0,
  op.end,
  op.end,
  ...[op.i32Const, 0, ...get(CRC), op.i64Store, 3, 0],
  op.end,
];

const code = [
  ...vec([
    [2, op.i32],
    [3, op.i64],
  ]),
  ...body,
];

const MODULE = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, vec([[0x60, ...vec([[op.i32], [op.i32]]), ...vec([])]])),
  ...section(3, vec([[0]])),
  ...section(5, vec([[0x00, 1]])),
  ...section(
    7,
    vec([
      [...name('crc'), 0x00, 0],
      [...name('memory'), 0x02, 0],
    ]),
  ),
  ...section(10, vec([[...uleb(code.length), ...code]])),
]);

export interface Crc64Wasm {
  memory: WebAssembly.Memory;
  /** Moves the CRC at memory[0..8) past `length` bytes at DATA + `offset`. */
  crc: (offset: number, length: number) => void;
}

/** The module with its tables loaded (`hi`/`lo`: table t, byte b at t * 256 + b), or null without WebAssembly. */
export function createCrc64Wasm(hi: Int32Array, lo: Int32Array): Crc64Wasm | null {
  if (typeof WebAssembly === 'undefined') return null;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(MODULE));
  const memory = instance.exports.memory as WebAssembly.Memory;
  const words = new Int32Array(memory.buffer, TABLES, 2 * hi.length);
  for (let i = 0; i < hi.length; i++) {
    words[2 * i] = lo[i]!;
    words[2 * i + 1] = hi[i]!;
  }
  return { memory, crc: instance.exports.crc as Crc64Wasm['crc'] };
}
