// The compact encodings Redis stores as one string (ziplist, listpack, intset, zipmap): their headers say how
// long they are and they end in a known byte. Checking that needs the first bytes and the last one, so a blob
// of any size is checked while it streams by.

export type BlobEncoding = 'ziplist' | 'listpack' | 'intset' | 'zipmap';

/** How many leading bytes the check needs. */
export const BLOB_HEAD: Record<BlobEncoding, number> = { ziplist: 10, listpack: 6, intset: 8, zipmap: 1 };

const u32 = (b: Uint8Array, at: number) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 2 ** 24;

/** What is wrong, as a reason code and its numbers (lib/verify/problems.ts words them). */
export type BlobProblem =
  | { reason: 'short'; length: number }
  | { reason: 'size'; stated: number; length: number }
  | { reason: 'tail'; tail: number }
  | { reason: 'width'; width: number }
  | { reason: 'count'; count: number; width: number; length: number };

/** What is wrong with a blob of `length` bytes that starts with `head`, or null. */
export function blobHeadProblem(
  encoding: BlobEncoding,
  head: Uint8Array,
  length: number,
): BlobProblem | null {
  if (length < BLOB_HEAD[encoding] + (encoding === 'intset' ? 0 : 1)) return { reason: 'short', length };
  switch (encoding) {
    case 'ziplist': {
      const stated = u32(head, 0);
      const tail = u32(head, 4);
      if (stated !== length) return { reason: 'size', stated, length };
      if (tail < 10 || tail >= length) return { reason: 'tail', tail };
      return null;
    }
    case 'listpack': {
      const stated = u32(head, 0);
      return stated === length ? null : { reason: 'size', stated, length };
    }
    case 'intset': {
      const width = u32(head, 0);
      const count = u32(head, 4);
      if (width !== 2 && width !== 4 && width !== 8) return { reason: 'width', width };
      return 8 + count * width === length ? null : { reason: 'count', count, width, length };
    }
    case 'zipmap':
      return null;
  }
}

/** The last byte a blob must end with, if any. */
export function blobEnd(encoding: BlobEncoding): number | null {
  return encoding === 'intset' ? null : 0xff;
}
