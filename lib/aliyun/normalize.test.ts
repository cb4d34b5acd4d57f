import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonLosslessly } from './lossless-json';
import { normalizeBackup, normalizeBackupsPage, normalizeInstancesPage, normalizeRegions } from './normalize';
import { toHttpUrl, toIsoTime, toRecoverConfigMode } from './raw-values';

const ctx = { instanceId: 'r-bp1xxxxxxxxxxxxx', pageNumber: 1, pageSize: 30 as const };

// The JSON example from the seed DescribeBackups page, verbatim: every number is a string.
function seedJson(): unknown {
  const page = readFileSync('/work/shared/seed/000_07b38d91c952ce26.txt', 'utf8');
  const block = /``` \{#json_return_success_demo\}\n([\s\S]*?)\n```/.exec(page)?.[1];
  return JSON.parse(block ?? SEED_FALLBACK);
}
const SEED_FALLBACK = JSON.stringify({
  DescribeBackupsResponse: {
    PageNumber: '1',
    TotalCount: '3',
    PageSize: '30',
    RequestId: '6D7D871F-8A6B-40C2-85C7-3632D139EAFD',
    Backups: {
      Backup: [
        [
          '336077354',
          '2019-03-14T05:28:50Z',
          '2019-03-14T05:31:13Z',
          'https://rdsbak-hk45-v2.oss-cn-hongkong.aliyuncs.com/xxxxxxxxxxx',
        ],
        [
          '335538809',
          '2019-03-13T05:28:46Z',
          '2019-03-13T05:31:09Z',
          'http://rdsbak-hk45-v2.oss-cn-hongkong-internal.aliyuncs.com/xxxxxxxxxxx',
        ],
        [
          '335001607',
          '2019-03-12T05:28:52Z',
          '2019-03-12T05:31:14Z',
          'https://rdsbak-hk45-v2.oss-cn-hongkong.aliyuncs.com/http://rdsbak-hk45-v2.oss-cn-hongkong-internal.aliyuncs.com/xxxxxxxxxxx',
        ],
      ].map(([id, start, end, url]) => ({
        BackupIntranetDownloadURL: 'http://rdsbak-hk45-v2.oss-cn-hongkong-internal.aliyuncs.com/xxxxxxxxxxx',
        BackupType: 'FullBackup',
        BackupEndTime: end,
        BackupMethod: 'Physical',
        BackupId: id,
        BackupStartTime: start,
        BackupDownloadURL: url,
        BackupDBNames: 'all',
        NodeInstanceId: 'r-bp1xxxxxxxxxxxxx',
        BackupMode: 'Automated',
        BackupStatus: 'Success',
        BackupSize: '1024',
        EngineVersion: '4.0',
      })),
    },
  },
});

describe('normalizeBackupsPage with the seed example', () => {
  const page = normalizeBackupsPage(seedJson(), ctx);

  it('reads the page fields from strings', () => {
    expect(page).toMatchObject({
      requestId: '6D7D871F-8A6B-40C2-85C7-3632D139EAFD',
      pageNumber: 1,
      pageSize: 30,
      totalCount: 3,
      fullStorageSize: null,
      logStorageSize: null,
    });
    expect(page.backups.map((b) => b.backupId)).toEqual(['336077354', '335538809', '335001607']);
  });

  it('normalizes the first backup completely', () => {
    expect(page.backups[0]).toEqual({
      backupId: '336077354',
      backupJobId: null,
      instanceId: 'r-bp1xxxxxxxxxxxxx',
      nodeInstanceId: 'r-bp1xxxxxxxxxxxxx',
      status: 'Success',
      type: 'FullBackup',
      mode: 'Automated',
      method: 'Physical',
      startTime: '2019-03-14T05:28:50Z',
      endTime: '2019-03-14T05:31:13Z',
      durationSeconds: 143,
      size: 1024,
      dbNames: 'all',
      engineVersion: '4.0',
      expectExpireTime: null,
      recoverConfigMode: null,
      publicUrl: 'https://rdsbak-hk45-v2.oss-cn-hongkong.aliyuncs.com/xxxxxxxxxxx',
      intranetUrl: 'http://rdsbak-hk45-v2.oss-cn-hongkong-internal.aliyuncs.com/xxxxxxxxxxx',
    });
  });

  it('keeps the second backup (internal host given as the public URL: odd, but one well-formed URL)', () => {
    expect(page.backups[1]?.publicUrl).toBe(
      'http://rdsbak-hk45-v2.oss-cn-hongkong-internal.aliyuncs.com/xxxxxxxxxxx',
    );
  });

  it('rejects the third backup’s glued-together download URL but keeps the row', () => {
    expect(page.backups[2]?.publicUrl).toBeNull();
    expect(page.backups[2]?.intranetUrl).toMatch(/^http:\/\/rdsbak-hk45-v2\.oss-cn-hongkong-internal/);
    expect(page.backups[2]?.durationSeconds).toBe(142);
  });
});

describe('normalizeBackup', () => {
  it('accepts numbers as numbers and the capital-ID BackupJobID', () => {
    const b = normalizeBackup(
      {
        BackupId: 111111111,
        BackupJobID: 2222,
        BackupSize: 5_368_709_120,
        BackupStartTime: '2024-01-01T00:00:00Z',
        BackupEndTime: '2024-01-01T00:10:00Z',
        FullStorageSize: 1,
      },
      'r-1',
    );
    expect(b).toMatchObject({
      backupId: '111111111',
      backupJobId: '2222',
      size: 5_368_709_120,
      durationSeconds: 600,
    });
  });

  it('accepts camelCase SDK model fields', () => {
    const b = normalizeBackup(
      { backupId: 7, backupJobID: 8, backupDownloadURL: 'https://a.example/x', backupSize: 3 },
      'r-1',
    );
    expect(b).toMatchObject({ backupId: '7', backupJobId: '8', publicUrl: 'https://a.example/x', size: 3 });
  });

  it('keeps int64 ids sent as strings exactly', () => {
    const b = normalizeBackup(
      { BackupId: '9007199254740993123', BackupJobID: '18446744073709551615' },
      'r-1',
    );
    expect(b?.backupId).toBe('9007199254740993123');
    expect(b?.backupJobId).toBe('18446744073709551615');
  });

  it('keeps int64 ids sent as bare JSON numbers exactly when parsed losslessly', () => {
    const body = parseJsonLosslessly(
      '{"Backups":{"Backup":[{"BackupId":9007199254740993123,"BackupSize":12}]},"TotalCount":1}',
    );
    const page = normalizeBackupsPage(body, ctx);
    expect(page.backups[0]?.backupId).toBe('9007199254740993123');
    expect(page.backups[0]?.size).toBe(12);
  });

  it('fills missing fields with null (or the documented fallbacks) and never throws', () => {
    const b = normalizeBackup({ BackupId: '1' }, 'r-1');
    expect(b).toEqual({
      backupId: '1',
      backupJobId: null,
      instanceId: 'r-1',
      nodeInstanceId: null,
      status: 'Unknown',
      type: 'Unknown',
      mode: 'Unknown',
      method: 'Unknown',
      startTime: '',
      endTime: null,
      durationSeconds: null,
      size: 0,
      dbNames: null,
      engineVersion: null,
      expectExpireTime: null,
      recoverConfigMode: null,
      publicUrl: null,
      intranetUrl: null,
    });
  });

  it('drops items without a BackupId and survives junk', () => {
    for (const junk of [null, 42, 'x', [], {}, { BackupId: '' }, { BackupId: { a: 1 } }]) {
      expect(normalizeBackup(junk, 'r-1')).toBeNull();
    }
    const page = normalizeBackupsPage(
      { Backups: { Backup: [null, { BackupId: 5 }, 'x'] }, TotalCount: 'lots' },
      ctx,
    );
    expect(page.backups).toHaveLength(1);
    expect(page.totalCount).toBe(1);
    expect(normalizeBackupsPage(undefined, ctx).backups).toEqual([]);
    expect(normalizeBackupsPage({ Backups: { Backup: { BackupId: '9' } } }, ctx).backups[0]?.backupId).toBe(
      '9',
    );
  });

  it('passes unknown enum strings through', () => {
    const b = normalizeBackup(
      { BackupId: 1, BackupStatus: 'Running', BackupType: 'Aof', BackupMethod: 'Snapshot' },
      'r',
    );
    expect(b).toMatchObject({ status: 'Running', type: 'Aof', method: 'Snapshot' });
  });

  it('keeps an unparseable start time as text and yields no duration', () => {
    const b = normalizeBackup(
      { BackupId: 1, BackupStartTime: 'yesterday', BackupEndTime: '2019-03-14T05:31:13Z' },
      'r',
    );
    expect(b).toMatchObject({
      startTime: 'yesterday',
      endTime: '2019-03-14T05:31:13Z',
      durationSeconds: null,
    });
  });

  it('parses RecoverConfigMode and keeps garbage as raw', () => {
    const ok = normalizeBackup(
      { BackupId: 1, RecoverConfigMode: '{"whitelist":true,"config":false,"account":true}' },
      'r',
    );
    expect(ok?.recoverConfigMode).toEqual({
      raw: '{"whitelist":true,"config":false,"account":true}',
      whitelist: true,
      config: false,
      account: true,
    });
    const bad = normalizeBackup({ BackupId: 1, RecoverConfigMode: '{whitelist:yes' }, 'r');
    expect(bad?.recoverConfigMode).toEqual({ raw: '{whitelist:yes' });
  });
});

describe('toRecoverConfigMode', () => {
  it('handles odd shapes', () => {
    expect(toRecoverConfigMode('')).toBeNull();
    expect(toRecoverConfigMode(undefined)).toBeNull();
    expect(toRecoverConfigMode('[1,2]')).toEqual({ raw: '[1,2]' });
    expect(toRecoverConfigMode('null')).toEqual({ raw: 'null' });
    expect(toRecoverConfigMode('{"whitelist":"true","config":1}')).toEqual({
      raw: '{"whitelist":"true","config":1}',
      whitelist: true,
    });
  });
});

describe('toIsoTime', () => {
  it.each([
    ['2019-03-14T05:28:50Z', '2019-03-14T05:28:50Z'],
    ['2019-03-11T10:00Z', '2019-03-11T10:00:00Z'],
    ['2019-03-14T05:28:50.123Z', '2019-03-14T05:28:50.123Z'],
    ['2019-03-14T13:28:50+08:00', '2019-03-14T05:28:50Z'],
    ['2019-03-14 05:28:50', '2019-03-14T05:28:50Z'],
  ])('%s -> %s', (input, expected) => expect(toIsoTime(input)).toBe(expected));

  it.each([[''], ['2019-02-30T00:00Z'], ['14/03/2019'], ['2019-03-14T25:00Z'], [1552541330000], [null]])(
    'rejects %s',
    (input) => expect(toIsoTime(input)).toBeNull(),
  );
});

describe('toHttpUrl', () => {
  it('keeps one well-formed http(s) URL unchanged, query and all', () => {
    const presigned =
      'https://b.oss-cn-hongkong.aliyuncs.com/x/y.rdb?Expires=1&OSSAccessKeyId=a&Signature=b%2Bc%3D';
    expect(toHttpUrl(presigned)).toBe(presigned);
    expect(toHttpUrl(' http://h.example/a ')).toBe('http://h.example/a');
  });

  it.each([
    'https://rdsbak-hk45-v2.oss-cn-hongkong.aliyuncs.com/http://rdsbak-hk45-v2.oss-cn-hongkong-internal.aliyuncs.com/x',
    'https://a.example/?next=https://b.example/',
    'ftp://a.example/x',
    'javascript:alert(1)',
    'https://',
    'https://a.example/with space',
    'https://user:pass@a.example/',
    '/relative/path',
    '',
  ])('rejects %s', (input) => expect(toHttpUrl(input)).toBeNull());

  it('rejects non-strings', () => {
    expect(toHttpUrl(null)).toBeNull();
    expect(toHttpUrl(42)).toBeNull();
  });
});

describe('normalizeInstancesPage and normalizeRegions', () => {
  it('reads DescribeInstances with numbers as strings', () => {
    const page = normalizeInstancesPage(
      {
        RequestId: 'R',
        TotalCount: '2',
        PageNumber: '1',
        PageSize: '50',
        Instances: {
          KVStoreInstance: [
            {
              InstanceId: 'r-bp1xxxxxxxxxxxxx',
              InstanceName: 'orders',
              RegionId: 'cn-hangzhou',
              ZoneId: 'cn-hangzhou-h',
              InstanceStatus: 'Normal',
              ArchitectureType: 'cluster',
              InstanceType: 'Tair',
              EngineVersion: '5.0',
              InstanceClass: 'tair.rdb.1g',
              ShardCount: '4',
              Capacity: 4096,
              CreateTime: '2024-02-01T03:04:05Z',
            },
            { InstanceId: 'r-2' },
            { InstanceName: 'no id' },
          ],
        },
      },
      'cn-hangzhou',
    );
    expect(page.totalCount).toBe(2);
    expect(page.instances).toEqual([
      {
        instanceId: 'r-bp1xxxxxxxxxxxxx',
        name: 'orders',
        regionId: 'cn-hangzhou',
        zoneId: 'cn-hangzhou-h',
        status: 'Normal',
        architecture: 'cluster',
        engine: 'Tair',
        engineVersion: '5.0',
        instanceClass: 'tair.rdb.1g',
        shardCount: 4,
        capacityMb: 4096,
        createdAt: '2024-02-01T03:04:05Z',
      },
      {
        instanceId: 'r-2',
        name: 'r-2',
        regionId: 'cn-hangzhou',
        zoneId: null,
        status: 'Unknown',
        architecture: 'Unknown',
        engine: 'Unknown',
        engineVersion: null,
        instanceClass: null,
        shardCount: null,
        capacityMb: null,
        createdAt: null,
      },
    ]);
  });

  it('reads DescribeRegions', () => {
    expect(
      normalizeRegions({
        RegionIds: {
          KVStoreRegion: [
            {
              RegionId: 'cn-shenzhen',
              LocalName: 'China (Shenzhen)',
              RegionEndpoint: 'r-kvstore.cn-shenzhen.aliyuncs.com',
            },
            { RegionId: 'cn-hangzhou' },
            { LocalName: 'nameless' },
          ],
        },
      }),
    ).toEqual([
      {
        regionId: 'cn-shenzhen',
        localName: 'China (Shenzhen)',
        endpoint: 'r-kvstore.cn-shenzhen.aliyuncs.com',
      },
      { regionId: 'cn-hangzhou', localName: null, endpoint: null },
    ]);
    expect(normalizeRegions('garbage')).toEqual([]);
  });
});
