import { describe, expect, it } from 'vitest';
import { toAliyunError } from './errors';
import { instanceKindOf, normalizeBackupTasks, normalizeClusterSetsPage } from './normalize-kinds';
import type { InstanceAttribute } from './types';

const attr = (over: Partial<InstanceAttribute>): InstanceAttribute => ({
  instanceId: 'r-1',
  architecture: 'standard',
  nodeType: null,
  shardCount: null,
  realInstanceClass: null,
  storageType: null,
  backupLogStartTime: null,
  ...over,
});

describe('instanceKindOf', () => {
  it.each([
    [{ architecture: 'cluster', nodeType: 'MASTER_SLAVE' }, 'cloud-native-cluster'],
    [{ architecture: 'cluster', nodeType: 'STAND_ALONE' }, 'cloud-native-cluster'],
    [{ architecture: 'cluster', realInstanceClass: 'tair.rdb.with.proxy.1g' }, 'cloud-native-cluster'],
    [{ architecture: 'cluster', storageType: 'essd_pl1' }, 'cloud-native-cluster'],
    [{ architecture: 'cluster', nodeType: 'double' }, 'classic-cluster'],
    [{ architecture: 'standard', nodeType: 'MASTER_SLAVE' }, 'standard'],
    [{ architecture: 'rwsplit' }, 'standard'],
  ])('%j → %s', (over, kind) => {
    expect(instanceKindOf(attr(over)).kind).toBe(kind);
  });

  it('carries the flashback start', () => {
    expect(instanceKindOf(attr({ backupLogStartTime: '2026-11-01T00:00:00Z' })).logStartTime).toBe(
      '2026-11-01T00:00:00Z',
    );
  });
});

describe('normalizeClusterSetsPage', () => {
  it('reads the documented example, strings and a zone-less end time included', () => {
    const page = normalizeClusterSetsPage(
      {
        RequestId: 'R1',
        FullStorageSize: 2048,
        ClusterBackups: [
          {
            ClusterBackupId: 'cb-zmdqj2m3xyxjtdt0',
            ClusterBackupStartTime: '2024-01-10T17:21:25Z',
            ClusterBackupEndTime: '2024-01-10T17:22:25Z',
            ClusterBackupStatus: 'OK',
            ClusterBackupMode: 'Automated',
            ClusterBackupSize: '2048',
            IsAvail: 1,
            Progress: '100%',
            Backups: [
              {
                BackupId: '1234',
                BackupSize: '1024',
                BackupStartTime: '2024-01-10T17:21:25Z',
                BackupEndTime: '2024-01-10T17:22:25',
                BackupStatus: 'OK',
                InstanceName: 'r-x-db-10',
                IsAvail: '1',
                ExtraInfo: { CustinsDbVersion: '5.0' },
              },
              { BackupId: '1233', BackupStatus: 'OK', InstanceName: 'r-x-db-2', IsAvail: '0' },
            ],
          },
          { ClusterBackupStatus: 'OK' },
        ],
      },
      'r-x',
    );
    expect(page.sets).toHaveLength(1);
    const set = page.sets[0]!;
    expect(set).toMatchObject({ setId: 'cb-zmdqj2m3xyxjtdt0', size: 2048, isAvail: 1, progress: 100 });
    expect(set.nodes.map((n) => [n.nodeInstanceId, n.status, n.available])).toEqual([
      ['r-x-db-2', 'Unavailable', false],
      ['r-x-db-10', 'Success', true],
    ]);
    expect(set.nodes[1]).toMatchObject({ endTime: '2024-01-10T17:22:25Z', size: 1024, engineVersion: '5.0' });
  });
});

describe('normalizeBackupTasks', () => {
  it('reads Progress, else Process', () => {
    const tasks = normalizeBackupTasks({
      BackupJobs: [
        { BackupJobID: 1022, BackupProgressStatus: 'Uploading', Progress: '27', Process: '0' },
        { BackupJobID: 2480, BackupProgressStatus: 'Preparing', Process: '5' },
      ],
    });
    expect(tasks.map((t) => [t.jobId, t.status, t.progress])).toEqual([
      ['1022', 'Uploading', 27],
      ['2480', 'Preparing', 5],
    ]);
  });
});

describe('a RAM denial', () => {
  it('keeps the action, the policy and deny type, and drops who was denied', () => {
    const err = toAliyunError(
      Object.assign(new Error('code: 403, no'), {
        statusCode: 403,
        code: 'NoPermission',
        accessDeniedDetail: {
          AuthAction: 'kvstore:DescribeBackupTasks',
          PolicyType: 'ResourceBasedPolicy',
          NoPermissionType: 'ExplicitDeny',
          AuthPrincipalOwnerId: '1234567890',
          EncodedDiagnosticMessage: 'c2VjcmV0',
        },
      }),
    );
    expect(err.kind).toBe('forbidden');
    expect(err.accessDenied).toEqual({
      action: 'kvstore:DescribeBackupTasks',
      policyType: 'ResourceBasedPolicy',
      denyType: 'ExplicitDeny',
    });
    expect(err.message).toContain('kvstore:DescribeBackupTasks');
    expect(JSON.stringify(err)).not.toContain('1234567890');
  });
});
