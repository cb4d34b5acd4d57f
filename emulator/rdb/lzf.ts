// LZF as liblzf writes it (what Redis uses for strings over 20 bytes): literal runs of 1–32 bytes behind a
// control byte < 32, and back references of 3–264 bytes up to 8 KiB back. Greedy, with a hash of the next three
// bytes: not liblzf's exact output, but the same format, and any LZF reader decodes it.

const MAX_LITERAL = 32;
const MAX_OFFSET = 8192;
const MAX_MATCH = 264;

/** The compressed bytes, or null when they would not be shorter than the input. */
export function lzfCompress(input: Uint8Array): Buffer | null {
  const out: number[] = [];
  const seen = new Map<number, number>();
  let literal: number[] = [];
  const flush = () => {
    if (literal.length === 0) return;
    out.push(literal.length - 1, ...literal);
    literal = [];
  };
  let i = 0;
  while (i < input.length) {
    let matchLength = 0;
    let distance = 0;
    if (i + 2 < input.length) {
      const key = (input[i]! << 16) | (input[i + 1]! << 8) | input[i + 2]!;
      const candidate = seen.get(key);
      seen.set(key, i);
      if (candidate !== undefined && i - candidate <= MAX_OFFSET) {
        while (
          matchLength < MAX_MATCH &&
          i + matchLength < input.length &&
          input[candidate + matchLength] === input[i + matchLength]
        )
          matchLength++;
        distance = i - candidate;
      }
    }
    if (matchLength >= 3) {
      flush();
      const len = matchLength - 2;
      const offset = distance - 1;
      if (len < 7) out.push((len << 5) | (offset >> 8), offset & 0xff);
      else out.push((7 << 5) | (offset >> 8), len - 7, offset & 0xff);
      i += matchLength;
    } else {
      literal.push(input[i]!);
      if (literal.length === MAX_LITERAL) flush();
      i++;
    }
  }
  flush();
  return out.length < input.length ? Buffer.from(out) : null;
}
