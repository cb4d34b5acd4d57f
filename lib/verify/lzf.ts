// LZF as Redis stores long strings: control byte < 32 → that many plus one literal bytes; otherwise a back
// reference of (c >> 5) + 2 bytes (7 means: add the next byte) from ((c & 31) << 8) + next + 1 bytes back.
// `decode` writes into `out` when given one; without it only the structure is checked, so a compressed value
// of any size is verified without being held.

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
