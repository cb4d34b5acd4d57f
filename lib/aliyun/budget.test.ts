import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UpstreamBudget } from './budget';

// The budget's promises, on a fake clock: never more than maxQps starts in a rolling second, never more
// than burst in flight, first come first served, and throttling slows everyone.

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function startTimes(budget: UpstreamBudget, calls: number, holdMs = 10): number[] {
  const starts: number[] = [];
  for (let i = 0; i < calls; i++) {
    void budget.run(async () => {
      starts.push(Date.now());
      await new Promise((r) => setTimeout(r, holdMs));
    });
  }
  return starts;
}

function maxInAnySecond(times: number[]): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + 1_000).length));
}

describe('UpstreamBudget', () => {
  it('lets a burst go at once, then keeps to maxQps in any rolling second', async () => {
    const budget = new UpstreamBudget({ maxQps: 5, burst: 5 });
    const starts = startTimes(budget, 23);
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(starts).toHaveLength(23);
    expect(maxInAnySecond(starts)).toBeLessThanOrEqual(5);
  });

  it('holds no more than burst calls in flight', async () => {
    const budget = new UpstreamBudget({ maxQps: 100, burst: 3 });
    let inFlight = 0;
    let peak = 0;
    for (let i = 0; i < 20; i++) {
      void budget.run(async () => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 50));
        inFlight--;
      });
    }
    await vi.advanceTimersByTimeAsync(5_000);
    expect(peak).toBe(3);
    expect(budget.snapshot().callsLastMinute).toBe(20);
  });

  it('pauses everyone and halves the rate on throttling, then earns the rate back', async () => {
    const budget = new UpstreamBudget({ maxQps: 8, burst: 8 });
    budget.throttled();
    expect(budget.snapshot().currentQps).toBe(4);
    expect(budget.snapshot().pausedUntil).not.toBeNull();
    const starts = startTimes(budget, 4);
    await vi.advanceTimersByTimeAsync(900);
    expect(starts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(starts).toHaveLength(4);
    for (let i = 0; i < 40; i++) budget.succeeded();
    expect(budget.snapshot().currentQps).toBe(8);
  });
});
