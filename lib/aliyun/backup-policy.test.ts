import { describe, expect, it } from 'vitest';
import { normalizeBackupPolicy } from './backup-policy';

describe('normalizeBackupPolicy', () => {
  it('reads the documentation example, numbers as strings included', () => {
    expect(
      normalizeBackupPolicy({
        PreferredBackupPeriod: 'Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday',
        PreferredBackupTime: '05:00Z-06:00Z',
        PreferredNextBackupTime: '2019-03-14T05:28Z',
        BackupRetentionPeriod: '7',
        EnableBackupLog: '1',
        RequestId: 'x',
      }),
    ).toEqual({
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      windowStartMinute: 300,
      windowMinutes: 60,
      retentionDays: 7,
      logBackup: true,
      nextBackupTime: '2019-03-14T05:28:00Z',
    });
  });

  it('reads a window that ends at midnight and a weekly period, camelCase too', () => {
    const p = normalizeBackupPolicy({
      preferredBackupPeriod: 'Friday, monday',
      preferredBackupTime: '23:00Z-00:00Z',
      backupRetentionPeriod: 30,
      enableBackupLog: 0,
    });
    expect(p).toMatchObject({
      weekdays: [1, 5],
      windowStartMinute: 1380,
      windowMinutes: 60,
      logBackup: false,
    });
  });

  it('degrades odd values to null instead of guessing', () => {
    expect(
      normalizeBackupPolicy({ PreferredBackupTime: '5am', BackupRetentionPeriod: 'forever', Foo: 1 }),
    ).toEqual({
      weekdays: [],
      windowStartMinute: null,
      windowMinutes: null,
      retentionDays: null,
      logBackup: null,
      nextBackupTime: null,
    });
    expect(normalizeBackupPolicy(null).weekdays).toEqual([]);
  });
});
