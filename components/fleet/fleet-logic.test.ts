import { describe, expect, it } from 'vitest';
import { scheduleIn } from '@/components/health/policy-schedule';
import type { FleetEntry } from '@/lib/fleet/fleet-health';
import type { HealthState, PolicyVersion } from '@/lib/health/types';
import { countByRegion, countByState, parseSort, viewFleet } from './fleet-view-logic';

function entry(
  id: string,
  name: string,
  state: HealthState,
  regionId: string,
  lastSuccessAt: string | null,
  verification: Pick<FleetEntry['verification'], 'flag' | 'at'> = { flag: 'never_verified', at: null },
) {
  return {
    verification,
    instanceId: id,
    name,
    regionId,
    architecture: 'standard',
    engine: 'Redis',
    shardCount: 1,
    policy: null,
    health: { state, lastSuccessAt, days: [], periodMs: null },
  } as unknown as FleetEntry;
}

const FLEET = [
  entry('r-bp1a', 'orders', 'ok', 'cn-hangzhou', '2026-05-13T02:00:00Z', {
    flag: 'verified',
    at: '2026-05-13T03:00:00Z',
  }),
  entry('r-bp1b', 'payments', 'late', 'cn-hangzhou', '2026-05-01T02:00:00Z', {
    flag: 'latest_failed',
    at: '2026-05-12T03:00:00Z',
  }),
  entry('r-uf6c', 'feed', 'failing', 'cn-shanghai', null),
  entry('r-uf6d', 'empty', 'no_backups', 'cn-shanghai', null),
];
const view = (patch: Partial<Parameters<typeof viewFleet>[1]>) =>
  viewFleet(FLEET, { state: [], region: [], q: '', sort: 'state.asc', ...patch }).map((e) => e.name);

describe('viewFleet', () => {
  it('sorts worst first by default, and by any column either way, missing values last', () => {
    expect(view({})).toEqual(['feed', 'payments', 'empty', 'orders']);
    expect(view({ sort: 'state.desc' })).toEqual(['orders', 'empty', 'payments', 'feed']);
    expect(view({ sort: 'lastSuccess.desc' })).toEqual(['orders', 'payments', 'empty', 'feed']);
    expect(view({ sort: 'lastSuccess.asc' })).toEqual(['payments', 'orders', 'empty', 'feed']);
    expect(view({ sort: 'instance.asc' })).toEqual(['empty', 'feed', 'orders', 'payments']);
    expect(view({ sort: 'bogus' })).toEqual(view({}));
    // Last verified, worst first: the latest verification failed, then never verified, then the oldest.
    expect(view({ sort: 'verified.asc' })).toEqual(['payments', 'empty', 'feed', 'orders']);
    expect(view({ sort: 'verified.desc' })).toEqual(['orders', 'empty', 'feed', 'payments']);
  });

  it('filters by state and region and searches names, ids and regions', () => {
    expect(view({ state: ['ok', 'late'] })).toEqual(['payments', 'orders']);
    expect(view({ region: ['cn-shanghai'] })).toEqual(['feed', 'empty']);
    expect(view({ q: 'UF6 fe' })).toEqual(['feed']);
    expect(view({ q: 'hangzhou', state: ['failing'] })).toEqual([]);
  });

  it('counts by state and region', () => {
    expect(countByState(FLEET)).toEqual({ ok: 1, late: 1, failing: 1, no_backups: 1, unknown: 0 });
    expect(countByRegion(FLEET)).toEqual([
      ['cn-hangzhou', 2],
      ['cn-shanghai', 2],
    ]);
    expect(parseSort('days.desc')).toEqual({ field: 'days', desc: true });
  });
});

describe('scheduleIn', () => {
  const policy: Omit<PolicyVersion, 'from'> = {
    weekdays: [1, 3, 5],
    windowStartMinute: 22 * 60,
    windowMinutes: 60,
    retentionDays: 7,
    logBackup: false,
    nextBackupTime: null,
  };
  it('keeps UTC as it is', () => {
    expect(scheduleIn(policy, 0)).toEqual({
      weekdays: [1, 3, 5],
      daily: false,
      start: '22:00',
      end: '23:00',
    });
  });
  it('moves the weekdays with a window that crosses midnight in the viewer zone', () => {
    expect(scheduleIn(policy, 480)).toEqual({
      weekdays: [2, 4, 6],
      daily: false,
      start: '06:00',
      end: '07:00',
    });
    expect(scheduleIn({ ...policy, windowStartMinute: 60, weekdays: [1] }, -300)).toMatchObject({
      weekdays: [0],
      start: '20:00',
    });
    expect(scheduleIn({ ...policy, weekdays: [0, 1, 2, 3, 4, 5, 6] }, 480)?.daily).toBe(true);
    expect(scheduleIn({ ...policy, windowStartMinute: null }, 0)).toBeNull();
  });
});
