import { DescribeBackupsRequest } from '@alicloud/r-kvstore20150101';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_INSTANCE_IDS, type RawBackup } from '@/emulator/seed';
import { damageOf } from '@/emulator/seed/verify-lab';
import { startEmulator, type RunningEmulator } from '@/emulator/server';
import { sdkClient } from '@/emulator/test-client';
import { verifyRdb, type RdbReport } from './rdb-verifier';
import { readUrl } from './read-url';

// Debian's redis-check-rdb (package redis-tools) is the reference: every file the emulator serves goes through
// it and through our verifier, both reading it over HTTP from a presigned URL, and the two must agree on every
// one — valid files pass both, damaged ones fail both, for the same reason.

let emu: RunningEmulator;
let dir: string;

beforeAll(async () => {
  const version = spawnSync('redis-check-rdb', ['-v'], { encoding: 'utf8' });
  if (version.status !== 0) {
    throw new Error(
      'redis-check-rdb is missing: install Debian’s redis-tools (apt-get install redis-tools; .ci/run does)',
    );
  }
  emu = await startEmulator({ port: 0 });
  dir = mkdtempSync(path.join(os.tmpdir(), 'kvb-rdb-'));
});

afterAll(async () => {
  await emu?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function presignedUrl(instanceId: string, backup: RawBackup): Promise<string> {
  const res = await sdkClient(emu).describeBackups(
    new DescribeBackupsRequest({
      instanceId,
      backupId: backup.BackupId,
      startTime: '2010-01-01T00:00Z',
      endTime: '2099-01-01T00:00Z',
    }),
  );
  const url = res.body?.backups?.backup?.[0]?.backupDownloadURL;
  if (!url) throw new Error(`no URL for ${backup.BackupId}`);
  return url;
}

interface Verdicts {
  checker: { ok: boolean; output: string };
  ours: RdbReport;
}

async function bothOn(instanceId: string, backup: RawBackup): Promise<Verdicts> {
  const url = await presignedUrl(instanceId, backup);
  const file = path.join(dir, `${backup.BackupId}.rdb`);
  const res = await fetch(url);
  expect(res.status).toBe(200);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  let checker: Verdicts['checker'];
  try {
    checker = { ok: true, output: execFileSync('redis-check-rdb', [file], { encoding: 'utf8' }) };
  } catch (err) {
    checker = { ok: false, output: String((err as { stdout?: string }).stdout ?? '') };
  }
  rmSync(file);
  const { chunks } = await readUrl(new URL(url));
  return { checker, ours: await verifyRdb(chunks, { expectedSize: backup.BackupSize }) };
}

const checkerSays = (output: string) =>
  output
    .split('\n')
    .filter((l) => /^\[offset \d+\]/.test(l))
    .at(-1) ?? '';

describe('redis-check-rdb and our verifier on every kind of file the emulator serves', () => {
  it('agree on each of the verify lab’s backups: valid ones pass, damaged ones fail for the same reason', async () => {
    const lab = SEED_INSTANCE_IDS.verifyLab;
    const backups = emu.dataset.backupsFor(lab);
    const seen = new Set(backups.map((b) => damageOf(lab, b)));
    expect(seen.size).toBe(6);
    const reasons: Record<string, RegExp> = {
      'flipped-byte': /Invalid object type: 90/,
      truncated: /Unexpected EOF/,
      'bad-checksum': /RDB CRC error/,
      'future-version': /Can't handle RDB format version 13/,
      'pre-ga-module': /module/,
    };
    const codes: Record<string, string> = {
      'flipped-byte': 'invalid_type',
      truncated: 'truncated',
      'bad-checksum': 'checksum_mismatch',
      'future-version': 'newer_version',
      'pre-ga-module': 'module_pre_ga',
    };
    for (const backup of backups) {
      const damage = damageOf(lab, backup);
      const { checker, ours } = await bothOn(lab, backup);
      const what = `${backup.BackupId} (${damage ?? 'valid'})`;
      expect(ours.status === 'ok', what).toBe(checker.ok);
      if (damage === null) {
        expect(checker.output, what).toContain('RDB looks OK');
        expect(ours.keys, what).toBe(Number(/(\d+) keys read/.exec(checker.output)?.[1]));
      } else {
        expect(checkerSays(checker.output), what).toMatch(reasons[damage]!);
        expect(ours.problem?.code, what).toBe(codes[damage]);
      }
    }
  });

  it('agree on valid files of every seeded engine version, sizes across the bulk boundaries, modules included', async () => {
    const added: Array<[string, RawBackup]> = [];
    const add = (instanceId: string, size: number, extra: object = {}) =>
      added.push([instanceId, emu.dataset.addBackup(instanceId, { size, ...extra })]);
    add(SEED_INSTANCE_IDS.standard, 60); // Redis 6.0, the smallest layout
    add(SEED_INSTANCE_IDS.standard, 2 * 1024 * 1024 + 3);
    add(SEED_INSTANCE_IDS.cluster, 700_000, { nodeInstanceId: `${SEED_INSTANCE_IDS.cluster}-db-3` }); // Redis 5.0
    add(SEED_INSTANCE_IDS.incremental, 3 * 1024 * 1024 + 11); // Tair 7.0: a TairHash module value
    const scale = emu.dataset.backupsFor(SEED_INSTANCE_IDS.scale).filter((b) => b.BackupStatus === 'Success');
    for (const b of scale.slice(0, 3)) added.push([SEED_INSTANCE_IDS.scale, b]); // Redis 7.0, 1–12 MiB
    for (const [instanceId, backup] of added) {
      const { checker, ours } = await bothOn(instanceId, backup);
      const what = `${instanceId} ${backup.BackupId} (${backup.BackupSize} bytes)`;
      expect(checker.ok, `${what}: ${checkerSays(checker.output)}`).toBe(true);
      expect(ours.problem, what).toBeNull();
      expect(ours.keys, what).toBe(Number(/(\d+) keys read/.exec(checker.output)?.[1]));
      expect(ours.expires, what).toBe(Number(/(\d+) expires/.exec(checker.output)?.[1]));
      if (instanceId === SEED_INSTANCE_IDS.incremental) expect(ours.keysByType['module:tairhash-']).toBe(1);
    }
  });

  it('agree that a logical (gzip) backup and a TDE-encrypted one are not RDB files', async () => {
    const logical = emu.dataset
      .backupsFor(SEED_INSTANCE_IDS.rwsplit)
      .find((b) => b.BackupStatus === 'Success' && b.BackupSize < 8e9)!;
    // The rwsplit instance's files are gigabytes: a small one added for the test.
    const small = emu.dataset.addBackup(SEED_INSTANCE_IDS.rwsplit, {
      size: 100_000,
      method: logical.BackupMethod,
    });
    const gzip = await bothOn(SEED_INSTANCE_IDS.rwsplit, small);
    expect(gzip.checker.ok).toBe(false);
    expect(checkerSays(gzip.checker.output)).toMatch(/Wrong signature/);
    expect(gzip.ours).toMatchObject({ status: 'unsupported', problem: { code: 'gzip' } });

    const tde = emu.dataset.backupsFor(SEED_INSTANCE_IDS.tde)[0]!;
    const encrypted = await bothOn(SEED_INSTANCE_IDS.tde, tde);
    expect(encrypted.checker.ok).toBe(false);
    expect(encrypted.ours.status).not.toBe('ok');
  });
});
