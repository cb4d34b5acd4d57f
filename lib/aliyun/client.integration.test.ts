import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@/emulator/server';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';
import { getKvstoreClient } from './client';
import type { BackupsPage } from './types';

// The real client, real SDK and real signatures against the emulator.

describe('client against the emulator', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulatorForTests();
  });

  afterAll(() => stopEmulatorForTests(emulator));

  it('lists regions', async () => {
    const regions = await getKvstoreClient().describeRegions();
    expect(regions.map((r) => r.regionId)).toContain('cn-hangzhou');
  });

  it('lists the instances of a region across pages', async () => {
    const instances = await getKvstoreClient().describeInstances('cn-hangzhou');
    expect(instances.map((i) => i.instanceId)).toContain('r-bp1xxxxxxxxxxxxx');
    expect(new Set(instances.map((i) => i.instanceId)).size).toBe(instances.length);
  });

  it('returns exactly the three documented backups of the doc-example instance', async () => {
    const page = await getKvstoreClient().describeBackups({
      regionId: 'cn-hangzhou',
      instanceId: 'r-bp1xxxxxxxxxxxxx',
      startTime: '2019-03-11T10:00Z',
      endTime: '2019-03-14T18:00Z',
      pageSize: 30,
      pageNumber: 1,
    });
    expect(page.totalCount).toBe(3);
    expect(page.backups.map((b) => b.backupId)).toEqual(['336077354', '335538809', '335001607']);
    expect(page.backups[2]?.publicUrl).toBeNull();
    expect(page.backups[0]?.durationSeconds).toBe(143);
  });

  it('maps an unknown instance to not_found or an empty page', async () => {
    const result = await getKvstoreClient()
      .describeBackups({
        regionId: 'cn-hangzhou',
        instanceId: 'r-doesnotexist000',
        startTime: '2019-03-11T10:00Z',
        endTime: '2019-03-14T18:00Z',
        pageSize: 30,
        pageNumber: 1,
      })
      .catch((e: unknown) => e);
    if (result instanceof Error) expect(result).toMatchObject({ kind: 'not_found', status: 404 });
    else expect((result as BackupsPage).backups).toEqual([]);
  });
});
