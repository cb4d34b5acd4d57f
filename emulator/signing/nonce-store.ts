/**
 * Remembers nonces long enough to cover the ±15-minute timestamp window on both sides. Memory is bounded:
 * past `maxEntries` the oldest nonce is forgotten (a replay of it would then pass; acceptable for an emulator).
 */
export class NonceStore {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 30 * 60_000,
    private readonly maxEntries = 200_000,
  ) {}

  /** Records the nonce; false when it was already used. */
  use(key: string, nowMs: number): boolean {
    this.prune(nowMs);
    if (this.seen.has(key)) return false;
    if (this.seen.size >= this.maxEntries) {
      const oldest = this.seen.keys().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    this.seen.set(key, nowMs + this.ttlMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private prune(nowMs: number): void {
    // Insertion order is expiry order, so stop at the first live entry.
    for (const [key, expires] of this.seen) {
      if (expires > nowMs) break;
      this.seen.delete(key);
    }
  }
}
