import { Crc64 } from './crc64';
import { RdbProblem, type ProblemParams, type Reading } from './problems';

// Reads a stream of chunks once, front to back, keeping only the chunk at hand: small reads (a length, a
// header) get their bytes made contiguous, large values are skipped without being copied. The CRC-64 runs
// over whole chunks as they are left behind, which is what makes it fast.

const EMPTY = new Uint8Array(0);

export class ByteReader {
  private chunk: Uint8Array = EMPTY;
  private pos = 0;
  /** Absolute offset of chunk[0]. */
  private base = 0;
  private crcPos = 0;
  private readonly crc = new Crc64();
  private ended = false;
  /** What the parser is reading, for the message when the file ends there (a `Reading`, and the key). */
  reading: Reading = 'header';
  readingKey = '';

  constructor(
    private readonly source: AsyncIterator<Uint8Array>,
    private readonly onChunk: (bytesRead: number) => void = () => undefined,
  ) {}

  /** Offset of the next byte. */
  get offset(): number {
    return this.base + this.pos;
  }

  /** Bytes the source has delivered so far. */
  get bytesRead(): number {
    return this.base + this.chunk.length;
  }

  available(): number {
    return this.chunk.length - this.pos;
  }

  private async next(): Promise<Uint8Array | null> {
    if (this.ended) return null;
    const { value, done } = await this.source.next();
    if (done) {
      this.ended = true;
      return null;
    }
    return value;
  }

  private leaveChunk(): void {
    this.crc.update(this.chunk, this.crcPos, this.chunk.length);
    this.base += this.chunk.length;
    this.chunk = EMPTY;
    this.pos = 0;
    this.crcPos = 0;
  }

  /** Makes at least `n` bytes contiguous at the cursor; false if the stream ends first. */
  async fill(n: number): Promise<boolean> {
    while (this.available() < n) {
      const next = await this.next();
      if (!next) return false;
      this.onChunk(this.bytesRead + next.length);
      if (this.available() === 0) {
        this.leaveChunk();
        this.chunk = next;
        continue;
      }
      // Carry the unread tail over: the CRC takes what was read of this chunk now, the tail with the next.
      this.crc.update(this.chunk, this.crcPos, this.pos);
      const merged = new Uint8Array(this.available() + next.length);
      merged.set(this.chunk.subarray(this.pos));
      merged.set(next, this.available());
      this.base += this.pos;
      this.chunk = merged;
      this.pos = 0;
      this.crcPos = 0;
    }
    return true;
  }

  private truncated(): RdbProblem {
    const params: ProblemParams = { reading: this.reading };
    if (this.reading === 'value') params.key = this.readingKey;
    return new RdbProblem('truncated', this.bytesRead, params);
  }

  async need(n: number): Promise<void> {
    if (this.available() < n && !(await this.fill(n))) throw this.truncated();
  }

  /** One byte; call `need` first. */
  u8(): number {
    return this.chunk[this.pos++]!;
  }

  peek(at = 0): number {
    return this.chunk[this.pos + at]!;
  }

  /** A view of the next `n` bytes (valid until the next read); call `need(n)` first. */
  take(n: number): Uint8Array {
    const view = this.chunk.subarray(this.pos, this.pos + n);
    this.pos += n;
    return view;
  }

  async byte(): Promise<number> {
    if (this.pos >= this.chunk.length) await this.need(1);
    return this.chunk[this.pos++]!;
  }

  /** Skips `n` bytes (CRC'd, never copied). */
  async skip(n: number): Promise<void> {
    return this.pass(n);
  }

  /** Reads past `n` bytes, showing each piece to `look` as it goes (never copied, never held). */
  async pass(n: number, look?: (bytes: Uint8Array, start: number, end: number) => void): Promise<void> {
    let left = n;
    for (;;) {
      const here = Math.min(left, this.available());
      look?.(this.chunk, this.pos, this.pos + here);
      this.pos += here;
      left -= here;
      if (left === 0) return;
      this.leaveChunk();
      const next = await this.next();
      if (!next) throw this.truncated();
      this.onChunk(this.bytesRead + next.length);
      this.chunk = next;
    }
  }

  /** The CRC of every byte read so far. */
  checksum(): bigint {
    this.crc.update(this.chunk, this.crcPos, this.pos);
    this.crcPos = this.pos;
    return this.crc.digest();
  }

  /** Reads to the end of the stream; how many bytes were left. */
  async drain(): Promise<number> {
    let left = this.available();
    this.pos = this.chunk.length;
    for (let next = await this.next(); next; next = await this.next()) {
      this.onChunk(this.bytesRead + next.length);
      this.base += this.chunk.length;
      this.chunk = next;
      this.pos = next.length;
      left += next.length;
    }
    return left;
  }
}
