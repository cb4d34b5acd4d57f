import { createRng, type Rng } from '../seed/prng';
import { NO_FAULTS, faultConfigSchema, type FaultConfig } from './fault-config';

export type FaultDecision = 'none' | 'reset' | 'throttle' | 'error500' | 'error503';

export class FaultController {
  private config: FaultConfig;
  private rng: Rng;
  private recent: number[] = [];

  constructor(private readonly initial: FaultConfig = NO_FAULTS) {
    this.config = { ...initial };
    this.rng = this.makeRng();
  }

  get current(): FaultConfig {
    return { ...this.config, actions: [...this.config.actions] };
  }

  /** Merges the given fields into the current config; throws a ZodError on invalid input. */
  update(patch: Partial<FaultConfig>): FaultConfig {
    this.config = faultConfigSchema.parse({ ...this.config, ...patch });
    if (patch.seed !== undefined) this.rng = this.makeRng();
    this.recent = [];
    return this.current;
  }

  /** Back to the config the emulator started with. */
  reset(): FaultConfig {
    this.config = { ...this.initial };
    this.rng = this.makeRng();
    this.recent = [];
    return this.current;
  }

  appliesTo(action: string): boolean {
    return this.config.actions.length === 0 || this.config.actions.includes(action);
  }

  latencyFor(action: string): number {
    return this.appliesTo(action) ? this.config.latencyMs : 0;
  }

  decide(action: string, nowMs: number): FaultDecision {
    if (!this.appliesTo(action)) return 'none';
    const c = this.config;
    if (c.resetRate > 0 && this.rng() < c.resetRate) return 'reset';
    if (c.throttleRps > 0) {
      this.recent = this.recent.filter((t) => nowMs - t < 1000);
      if (this.recent.length >= c.throttleRps) return 'throttle';
      this.recent.push(nowMs);
    }
    if (c.errorRate > 0 && this.rng() < c.errorRate) return this.rng() < 0.5 ? 'error500' : 'error503';
    return 'none';
  }

  shouldMalform(action: string): boolean {
    return this.appliesTo(action) && this.config.malformedRate > 0 && this.rng() < this.config.malformedRate;
  }

  private makeRng(): Rng {
    // Unseeded runs still avoid Math.random so every fault decision goes through one generator.
    return createRng(this.config.seed ?? Date.now() ^ process.pid);
  }
}
