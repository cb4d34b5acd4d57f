// LZF as Redis stores long strings: control byte < 32 → that many plus one literal bytes; otherwise a back
// reference of (c >> 5) + 2 bytes (7 means: add the next byte) from ((c & 31) << 8) + next + 1 bytes back.
// `lzfProblem` checks (and with `out`, decodes) bytes in hand; `LzfChecker` checks a value of any size as it
// streams by, without holding it.

export type LzfProblem =
  | { reason: 'literal_past_end' | 'backref_cut' | 'backref_before_start' | 'too_long' }
  | { reason: 'too_short'; produced: number; expected: number };

/** The problem with the compressed bytes, or null when they decode to exactly `expected` bytes. */
export function lzfProblem(input: Uint8Array, expected: number, out?: Uint8Array): LzfProblem | null {
  let i = 0;
  let produced = 0;
  while (i < input.length) {
    const control = input[i++]!;
    if (control < 32) {
      const run = control + 1;
      if (i + run > input.length) return { reason: 'literal_past_end' };
      if (produced + run > expected) return { reason: 'too_long' };
      if (out) out.set(input.subarray(i, i + run), produced);
      i += run;
      produced += run;
      continue;
    }
    let len = control >> 5;
    if (len === 7) {
      if (i >= input.length) return { reason: 'backref_cut' };
      len += input[i++]!;
    }
    if (i >= input.length) return { reason: 'backref_cut' };
    const distance = ((control & 31) << 8) + input[i++]! + 1;
    len += 2;
    if (distance > produced) return { reason: 'backref_before_start' };
    if (produced + len > expected) return { reason: 'too_long' };
    if (out) for (let k = 0; k < len; k++) out[produced + k] = out[produced + k - distance]!;
    produced += len;
  }
  return produced === expected ? null : { reason: 'too_short', produced, expected };
}

/**
 * The same check fed piece by piece, for a compressed value too long to hold: literal runs are skipped whole,
 * a back reference needs its two or three bytes, which may straddle pieces.
 */
export class LzfChecker {
  private produced = 0;
  private literal = 0;
  private control = -1;
  private length = 0;
  private lengthByte = false;
  problem: LzfProblem | null = null;

  constructor(private readonly expected: number) {}

  feed(bytes: Uint8Array, start: number, end: number): void {
    let i = start;
    while (i < end && !this.problem) {
      if (this.literal > 0) {
        const run = Math.min(this.literal, end - i);
        this.literal -= run;
        i += run;
        continue;
      }
      const byte = bytes[i++]!;
      if (this.control < 0) {
        if (byte < 32) {
          this.literal = byte + 1;
          this.produced += this.literal;
          if (this.produced > this.expected) this.problem = { reason: 'too_long' };
        } else {
          this.control = byte;
          this.length = byte >> 5;
          this.lengthByte = this.length === 7;
        }
      } else if (this.lengthByte) {
        this.length += byte;
        this.lengthByte = false;
      } else {
        const distance = ((this.control & 31) << 8) + byte + 1;
        const run = this.length + 2;
        if (distance > this.produced) this.problem = { reason: 'backref_before_start' };
        else if (this.produced + run > this.expected) this.problem = { reason: 'too_long' };
        this.produced += run;
        this.control = -1;
      }
    }
  }

  finish(): LzfProblem | null {
    if (this.problem) return this.problem;
    if (this.literal > 0) return { reason: 'literal_past_end' };
    if (this.control >= 0) return { reason: 'backref_cut' };
    return this.produced === this.expected
      ? null
      : { reason: 'too_short', produced: this.produced, expected: this.expected };
  }
}
