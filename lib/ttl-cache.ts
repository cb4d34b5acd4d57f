// A small in-memory cache for upstream lists: entries live `ttlMs`, concurrent callers of the same
// key share one in-flight promise, failures are not cached, and the oldest entry goes first when full.

export class TtlCache<V> {
  private readonly entries = new Map<string, { expires: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    if (hit) this.entries.delete(key);

    const value = load();
    if (this.ttlMs > 0) {
      this.entries.set(key, { expires: this.now() + this.ttlMs, value });
      while (this.entries.size > this.maxEntries)
        this.entries.delete(this.entries.keys().next().value as string);
      value.catch(() => {
        if (this.entries.get(key)?.value === value) this.entries.delete(key);
      });
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
