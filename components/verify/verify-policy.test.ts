import { describe, expect, it } from 'vitest';
import type { BackupVerification, VerificationResult } from '@/lib/verify/verification';
import { jobIsVerified, jobVerdict, percentRead, verifyBlock } from './verify-policy';

const shard = (backupId: string, status = 'Success', type = 'FullBackup') => ({ backupId, status, type });
const result = (status: VerificationResult['status']) =>
  ({ result: { status } as VerificationResult, job: null, failure: null }) satisfies BackupVerification;
const running: BackupVerification = {
  result: null,
  job: {
    instanceId: 'r-x',
    backupId: '3',
    state: 'running',
    ahead: 0,
    bytesRead: 10,
    size: 40,
    queuedAt: '',
    startedAt: '',
    origin: 'manual',
    user: 'a',
  },
  failure: null,
};

describe('verifyBlock', () => {
  it('lets downloaders and admins verify a successful full backup, nobody else anything else', () => {
    expect(verifyBlock(shard('1'), 'downloader')).toBeNull();
    expect(verifyBlock(shard('1'), 'admin')).toBeNull();
    expect(verifyBlock(shard('1'), 'viewer')).toEqual({ key: 'role', values: { role: 'viewer' } });
    expect(verifyBlock(shard('1', 'Failed'), 'admin')).toEqual({
      key: 'status',
      values: { status: 'Failed' },
    });
    expect(verifyBlock(shard('1', 'Success', 'IncrementalBackup'), 'admin')?.key).toBe('incremental');
  });
});

describe('a cluster job', () => {
  const shards = [shard('1'), shard('2'), shard('3')];

  it('is verified only when every shard has a file and every file verified ok', () => {
    const all = { 1: result('ok'), 2: result('ok'), 3: result('ok') };
    expect(jobIsVerified(jobVerdict(shards, all))).toBe(true);
    expect(jobIsVerified(jobVerdict(shards, { 1: result('ok'), 2: result('ok') }))).toBe(false);
    expect(jobIsVerified(jobVerdict(shards, { ...all, 3: result('corrupt') }))).toBe(false);
    expect(jobIsVerified(jobVerdict([...shards, shard('4', 'Failed')], all))).toBe(false);
    expect(jobIsVerified(jobVerdict([], {}))).toBe(false);
  });

  it('counts what each shard is at', () => {
    expect(
      jobVerdict([...shards, shard('4', 'Failed')], { 1: result('ok'), 2: result('truncated'), 3: running }),
    ).toEqual({ total: 4, withoutFile: 1, verified: 1, failed: 1, active: 1 });
  });
});

describe('percentRead', () => {
  it('is whole percent, capped, 0 for an unknown size', () => {
    expect(percentRead(10, 40)).toBe(25);
    expect(percentRead(39, 40)).toBe(97);
    expect(percentRead(50, 40)).toBe(100);
    expect(percentRead(5, 0)).toBe(0);
  });
});
