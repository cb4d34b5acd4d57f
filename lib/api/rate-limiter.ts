// API rate limit per key (user, or address for anonymous calls): a sliding one-minute window of
// request times, with a bounded number of keys. Pure and in-memory.

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 50_000,
  ) {}

  /** Records a request; returns seconds to wait when it is over the limit, else 0. */
  take(key: string): number {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - 60_000);
    if (recent.length >= this.perMinute) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + 60_000 - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    // Bound memory when keys are many (spoofed addresses): forget the longest-known first.
    while (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value as string);
    return 0;
  }
}
