// Event times per key within a window, with a bounded number of keys: the least recently touched key
// goes first, so a spray of new keys cannot push out the one under attack. Pure and in-memory.

export class SlidingLog<T extends { at: number } = { at: number }> {
  private readonly events = new Map<string, T[]>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys: number,
  ) {}

  /** Events of `key` newer than the window, oldest first. */
  recent(key: string, now: number): T[] {
    const kept = (this.events.get(key) ?? []).filter((e) => e.at > now - this.windowMs);
    if (kept.length) this.events.set(key, kept);
    else this.events.delete(key);
    return kept;
  }

  add(key: string, event: T, now: number): void {
    const list = [...this.recent(key, now), event];
    this.events.delete(key);
    this.events.set(key, list);
    while (this.events.size > this.maxKeys) this.events.delete(this.events.keys().next().value as string);
  }

  remove(key: string, event: T): void {
    const list = this.events.get(key);
    const i = list?.indexOf(event) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
  }

  clear(key: string): void {
    this.events.delete(key);
  }

  get size(): number {
    return this.events.size;
  }
}
