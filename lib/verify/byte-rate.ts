// A token bucket in bytes: every reader that shares one draws from the same allowance, so N verifications
// together stay under the cap. `bytesPerSecond` 0 means no cap.

export class ByteRate {
  private available: number;
  private last: number;

  constructor(
    private readonly bytesPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.available = bytesPerSecond;
    this.last = now();
  }

  /** Takes `bytes` now and says how many milliseconds to wait before reading on (0: at once). */
  take(bytes: number): number {
    if (this.bytesPerSecond <= 0) return 0;
    const now = this.now();
    // At most one second of allowance saved up: a paused reader does not get to burst.
    this.available = Math.min(
      this.bytesPerSecond,
      this.available + ((now - this.last) / 1000) * this.bytesPerSecond,
    );
    this.last = now;
    this.available -= bytes;
    return this.available >= 0 ? 0 : Math.ceil((-this.available / this.bytesPerSecond) * 1000);
  }
}
