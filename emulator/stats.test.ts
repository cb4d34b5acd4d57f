import { DescribeRegionsRequest } from '@alicloud/r-kvstore20150101';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RollingPeak } from './faults/rolling-peak';
import { Stats } from './faults/stats';
import { startEmulator, type RunningEmulator } from './server';
import { sdkClient } from './test-client';

describe('RollingPeak', () => {
  it('counts events within any 1,000 ms window, half-open', () => {
    const peak = new RollingPeak(1000);
    for (const t of [0, 500, 999]) peak.record(t);
    expect(peak.peak).toBe(3);
    peak.record(1000); // 0 has left the window (1000 - 0 is not < 1000)
    expect(peak.peak).toBe(3);
    peak.record(1001); // window (1, 1001]: 500, 999, 1000, 1001
    expect(peak.peak).toBe(4);
    peak.record(5000);
    expect(peak.peak).toBe(4);
  });

  it('keeps only the last window of timestamps however long it runs', () => {
    const peak = new RollingPeak(1000);
    // 100 events per second for 10 minutes.
    for (let t = 0; t < 600_000; t += 10) peak.record(t);
    expect(peak.peak).toBe(100);
    expect(peak.held).toBeLessThanOrEqual(2 * 1024 + 100);
  });
});

describe('Stats.maxPerSecond', () => {
  it('reports the busiest second and starts over on reset', () => {
    let now = 10_000;
    const stats = new Stats(() => now);
    expect(stats.snapshot().maxPerSecond).toBe(0);
    for (let i = 0; i < 5; i++) {
      stats.action('DescribeBackups');
      now += 100;
    }
    now += 2000;
    stats.action('DescribeBackups');
    stats.download();
    stats.download();
    expect(stats.snapshot()).toMatchObject({ total: 6, downloads: 2, maxPerSecond: 5 });
    stats.reset();
    stats.action('DescribeRegions');
    expect(stats.snapshot()).toMatchObject({ total: 1, maxPerSecond: 1 });
  });
});

describe('maxPerSecond over HTTP', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0 });
  });
  afterAll(() => emu.close());

  it('sees a burst of API calls, and not downloads', async () => {
    await fetch(`${emu.url}/__admin/stats/reset`, { method: 'POST' });
    const client = sdkClient(emu);
    await Promise.all(
      Array.from({ length: 8 }, () => client.describeRegions(new DescribeRegionsRequest({}))),
    );
    const stats = (await (await fetch(`${emu.url}/__admin/stats`)).json()) as {
      total: number;
      maxPerSecond: number;
    };
    expect(stats.total).toBe(8);
    expect(stats.maxPerSecond).toBe(8);

    // Calls spaced over more than a second are covered above with a fake clock, without sleeping here.
  });
});
