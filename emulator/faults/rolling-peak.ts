/**
 * The most events seen inside any window of `windowMs` (half-open: events exactly `windowMs` apart are in
 * different windows). Only the timestamps of the current window are kept, so memory is bounded by the peak
 * rate, not by how long the emulator runs.
 */
export class RollingPeak {
  private times: number[] = [];
  private head = 0;
  private best = 0;

  constructor(private readonly windowMs = 1000) {}

  get peak(): number {
    return this.best;
  }

  /** `atMs` must not go backwards (use a monotonic clock). */
  record(atMs: number): void {
    while (this.head < this.times.length && this.times[this.head]! <= atMs - this.windowMs) this.head++;
    // Drop the consumed prefix now and then instead of shifting on every event.
    if (this.head >= 1024 && this.head * 2 >= this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    this.times.push(atMs);
    this.best = Math.max(this.best, this.times.length - this.head);
  }

  /** Timestamps currently held (for tests of the memory bound). */
  get held(): number {
    return this.times.length;
  }
}
