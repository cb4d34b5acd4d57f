import { createCrc64Wasm, DATA, type Crc64Wasm } from './crc64-wasm';

// CRC-64/Jones as Redis uses it for RDB trailers: reflected, poly 0xad93d23594c935a9, init 0, xorout 0.
// A BigInt per byte runs at ~10 MB/s; two 32-bit halves through slicing-by-8 tables near 1 GB/s; the same tables
// in WebAssembly with 64-bit registers about twice that, which is what long runs of bytes go through. Pure, for
// the verifier and the emulator alike.

const POLY_HI = 0x95ac9329; // the reflected polynomial 0x95ac9329ac4bc9b5
const POLY_LO = 0xac4bc9b5 | 0;
// Sixteen tables: JavaScript uses the first eight, WebAssembly all of them.
const SLICES = 16;

const TABLE_HI = new Int32Array(SLICES * 256);
const TABLE_LO = new Int32Array(SLICES * 256);

for (let b = 0; b < 256; b++) {
  let hi = 0;
  let lo = b;
  for (let bit = 0; bit < 8; bit++) {
    const carry = lo & 1;
    lo = (lo >>> 1) | ((hi & 1) << 31);
    hi >>>= 1;
    if (carry) {
      hi ^= POLY_HI;
      lo ^= POLY_LO;
    }
  }
  TABLE_HI[b] = hi;
  TABLE_LO[b] = lo;
}
for (let t = 1; t < SLICES; t++) {
  for (let b = 0; b < 256; b++) {
    const hi = TABLE_HI[(t - 1) * 256 + b]!;
    const lo = TABLE_LO[(t - 1) * 256 + b]!;
    const i = lo & 0xff;
    TABLE_LO[t * 256 + b] = ((lo >>> 8) | (hi << 24)) ^ TABLE_LO[i]!;
    TABLE_HI[t * 256 + b] = (hi >>> 8) ^ TABLE_HI[i]!;
  }
}

// Words are read straight from the bytes' memory, which is little-endian on every platform Node runs us on.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Runs shorter than this stay in JavaScript: copying them into the module costs more than it saves. */
const WASM_MIN = 256;
/** Bytes the module checksums per call (its memory is grown to hold them once). */
const WASM_BLOCK = 1024 * 1024;

let wasm: { crc: Crc64Wasm; bytes: Uint8Array; state: Int32Array } | null | undefined;

function wasmCrc(): typeof wasm {
  if (wasm !== undefined) return wasm;
  const crc = createCrc64Wasm(TABLE_HI, TABLE_LO);
  if (!crc) return (wasm = null);
  const pages = Math.ceil((DATA + WASM_BLOCK) / 65_536);
  crc.memory.grow(pages - crc.memory.buffer.byteLength / 65_536);
  const buffer = crc.memory.buffer;
  return (wasm = {
    crc,
    bytes: new Uint8Array(buffer, DATA, WASM_BLOCK),
    state: new Int32Array(buffer, 0, 2),
  });
}

function toBigInt(hi: number, lo: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

/** A running CRC-64 over bytes fed in any number of pieces. */
export class Crc64 {
  private hi = 0;
  private lo = 0;

  /** `useWasm: false` keeps every byte in JavaScript (to test one implementation against the other). */
  constructor(
    initial = 0n,
    private readonly useWasm = true,
  ) {
    this.hi = Number(initial >> 32n) | 0;
    this.lo = Number(initial & 0xffffffffn) | 0;
  }

  update(bytes: Uint8Array, start = 0, end = bytes.length): this {
    const fast = this.useWasm && end - start >= WASM_MIN ? wasmCrc() : null;
    if (!fast) return this.updateJs(bytes, start, end);
    fast.state[0] = this.lo;
    fast.state[1] = this.hi;
    for (let at = start; at < end; at += WASM_BLOCK) {
      const n = Math.min(WASM_BLOCK, end - at);
      fast.bytes.set(bytes.subarray(at, at + n));
      fast.crc.crc(0, n);
    }
    this.lo = fast.state[0]!;
    this.hi = fast.state[1]!;
    return this;
  }

  private updateJs(bytes: Uint8Array, start: number, end: number): this {
    let hi = this.hi;
    let lo = this.lo;
    let i = start;
    // Byte by byte up to a 4-byte boundary, then 8 bytes a step through the sliced tables.
    while (i < end && (!LITTLE_ENDIAN || ((bytes.byteOffset + i) & 3) !== 0)) {
      const t = (lo ^ bytes[i++]!) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ TABLE_LO[t]!;
      hi = (hi >>> 8) ^ TABLE_HI[t]!;
    }
    const steps = (end - i) >>> 3;
    if (steps > 0) {
      const words = new Int32Array(bytes.buffer, bytes.byteOffset + i, steps * 2);
      for (let w = 0; w < words.length; w += 2) {
        const a = lo ^ words[w]!;
        const b = hi ^ words[w + 1]!;
        lo =
          TABLE_LO[1792 + (a & 0xff)]! ^
          TABLE_LO[1536 + ((a >>> 8) & 0xff)]! ^
          TABLE_LO[1280 + ((a >>> 16) & 0xff)]! ^
          TABLE_LO[1024 + (a >>> 24)]! ^
          TABLE_LO[768 + (b & 0xff)]! ^
          TABLE_LO[512 + ((b >>> 8) & 0xff)]! ^
          TABLE_LO[256 + ((b >>> 16) & 0xff)]! ^
          TABLE_LO[b >>> 24]!;
        hi =
          TABLE_HI[1792 + (a & 0xff)]! ^
          TABLE_HI[1536 + ((a >>> 8) & 0xff)]! ^
          TABLE_HI[1280 + ((a >>> 16) & 0xff)]! ^
          TABLE_HI[1024 + (a >>> 24)]! ^
          TABLE_HI[768 + (b & 0xff)]! ^
          TABLE_HI[512 + ((b >>> 8) & 0xff)]! ^
          TABLE_HI[256 + ((b >>> 16) & 0xff)]! ^
          TABLE_HI[b >>> 24]!;
      }
      i += steps * 8;
    }
    while (i < end) {
      const t = (lo ^ bytes[i++]!) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ TABLE_LO[t]!;
      hi = (hi >>> 8) ^ TABLE_HI[t]!;
    }
    this.hi = hi;
    this.lo = lo;
    return this;
  }

  digest(): bigint {
    return toBigInt(this.hi, this.lo);
  }
}

export function crc64(bytes: Uint8Array): bigint {
  return new Crc64().update(bytes).digest();
}

// Combining CRCs: with init 0 and xorout 0 the CRC is linear, so crc(A‖B) = shift(crc(A), |B|) ⊕ crc(B), where
// shift is multiplication by x^(8|B|) — a 64×64 matrix over GF(2), built by squaring (zlib's crc32_combine).
// A matrix is 64 columns, each a 64-bit value as [hi, lo] halves.

type Matrix = Int32Array<ArrayBuffer>;

function times(matrix: Matrix, hi: number, lo: number, out: Int32Array, at: number): void {
  let rHi = 0;
  let rLo = 0;
  for (let j = 0; j < 64 && (hi | lo) !== 0; j++) {
    if (lo & 1) {
      rHi ^= matrix[2 * j]!;
      rLo ^= matrix[2 * j + 1]!;
    }
    lo = (lo >>> 1) | ((hi & 1) << 31);
    hi >>>= 1;
  }
  out[at] = rHi;
  out[at + 1] = rLo;
}

function multiply(a: Matrix, b: Matrix): Matrix {
  const out = new Int32Array(128);
  for (let j = 0; j < 64; j++) times(a, b[2 * j]!, b[2 * j + 1]!, out, 2 * j);
  return out;
}

function oneZeroByte(): Matrix {
  let bit = new Int32Array(128);
  bit[0] = POLY_HI;
  bit[1] = POLY_LO;
  for (let j = 1; j < 64; j++) {
    if (j < 33) bit[2 * j + 1] = 1 << (j - 1);
    else bit[2 * j] = 1 << (j - 33);
  }
  for (let i = 0; i < 3; i++) bit = multiply(bit, bit);
  return bit;
}

const ONE_BYTE = oneZeroByte();

/** Moves a CRC past `length` bytes of zeros; built once per length, applied in ~64 steps. */
export class Crc64Shift {
  private readonly matrix: Matrix;

  constructor(readonly length: number) {
    if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`length ${length}: expected ≥ 0`);
    let result: Matrix | null = null;
    let power = ONE_BYTE;
    for (let n = length; n > 0; n = Math.floor(n / 2)) {
      if (n % 2 === 1) result = result ? multiply(power, result) : power;
      if (n > 1) power = multiply(power, power);
    }
    this.matrix = result ?? identity();
  }

  apply(crc: bigint): bigint {
    const out = new Int32Array(2);
    times(this.matrix, Number(crc >> 32n) | 0, Number(crc & 0xffffffffn) | 0, out, 0);
    return toBigInt(out[0]!, out[1]!);
  }
}

function identity(): Matrix {
  const m = new Int32Array(128);
  for (let j = 0; j < 64; j++) {
    if (j < 32) m[2 * j + 1] = 1 << j;
    else m[2 * j] = 1 << (j - 32);
  }
  return m;
}

/** The CRC of A‖B from crc(A), crc(B) and |B|. */
export function crc64Combine(crcA: bigint, crcB: bigint, lengthB: number): bigint {
  return new Crc64Shift(lengthB).apply(crcA) ^ crcB;
}
