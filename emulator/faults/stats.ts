export interface StatsSnapshot {
  since: string;
  total: number;
  actions: Record<string, number>;
  errors: Record<string, number>;
  downloads: number;
  faults: Record<string, number>;
}

/** Request counters, so tests can prove a cached page made no upstream call. */
export class Stats {
  private data: StatsSnapshot = Stats.empty();

  private static empty(): StatsSnapshot {
    return { since: new Date().toISOString(), total: 0, actions: {}, errors: {}, downloads: 0, faults: {} };
  }

  action(name: string): void {
    this.data.total += 1;
    this.data.actions[name] = (this.data.actions[name] ?? 0) + 1;
  }

  error(code: string): void {
    this.data.errors[code] = (this.data.errors[code] ?? 0) + 1;
  }

  fault(kind: string): void {
    this.data.faults[kind] = (this.data.faults[kind] ?? 0) + 1;
  }

  download(): void {
    this.data.downloads += 1;
  }

  snapshot(): StatsSnapshot {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = Stats.empty();
  }
}
