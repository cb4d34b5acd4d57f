import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_INSTANCE_IDS } from '@/emulator/seed';
import type { RunningEmulator } from '@/emulator/server';
import { getIndexDb } from '@/lib/backup-index/db';
import { refreshInstanceFacts } from '@/lib/backup-index/policies';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';
import { fetchInstanceKind } from './fetch-instance-kind';
import { fetchInstances } from './fetch-instances';

// The instance list starts a background refresh that also learns each instance's kind, so the first
// listing of an instance does not wait for DescribeInstanceAttribute.

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulatorForTests();
});
afterAll(() => stopEmulatorForTests(emu));

describe('the instance list', () => {
  it('learns every instance’s kind in the background, once', async () => {
    const instances = await fetchInstances(null);
    await refreshInstanceFacts([]); // joins the refresh the instance list started
    const db = await getIndexDb();
    const kinds = await db.selectFrom('instance_kinds').select(['instance_id', 'kind']).execute();
    expect(new Set(kinds.map((k) => k.instance_id))).toEqual(new Set(instances.map((i) => i.instanceId)));
    expect(kinds.find((k) => k.instance_id === SEED_INSTANCE_IDS.cloudNative)?.kind).toBe(
      'cloud-native-cluster',
    );

    const asked = emu.stats.snapshot().actions.DescribeInstanceAttribute ?? 0;
    const standard = instances.find((i) => i.instanceId === SEED_INSTANCE_IDS.standard)!;
    await fetchInstanceKind(standard.instanceId, standard.regionId);
    expect(emu.stats.snapshot().actions.DescribeInstanceAttribute ?? 0).toBe(asked);
  });
});
