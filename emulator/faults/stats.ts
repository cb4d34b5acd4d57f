import { RollingPeak } from './rolling-peak';

export interface StatsSnapshot {
  since: string;
  total: number;
  actions: Record<string, number>;
  errors: Record<string, number>;
  downloads: number;
  faults: Record<string, number>;
  /** Most API calls (not downloads) that arrived within any rolling 1,000 ms since the last reset. */
  maxPerSecond: number;
}

type Counters = Omit<StatsSnapshot, 'maxPerSecond'>;

/** Request counters, so tests can prove a cached page made no upstream call, or a QPS budget held. */
export class Stats {
  private data: Counters = Stats.empty();
  private perSecond = new RollingPeak(1000);

  /** `clock` is monotonic milliseconds; injectable for tests. */
  constructor(private readonly clock: () => number = () => performance.now()) {}

  private static empty(): Counters {
    return { since: new Date().toISOString(), total: 0, actions: {}, errors: {}, downloads: 0, faults: {} };
  }

  action(name: string): void {
    this.data.total += 1;
    this.data.actions[name] = (this.data.actions[name] ?? 0) + 1;
    this.perSecond.record(this.clock());
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
    return { ...structuredClone(this.data), maxPerSecond: this.perSecond.peak };
  }

  reset(): void {
    this.data = Stats.empty();
    this.perSecond = new RollingPeak(1000);
  }
}
