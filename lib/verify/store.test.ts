import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeIndexDbForTests, getIndexDb } from '@/lib/backup-index/db';
import { resetConfigForTests } from '@/lib/config';
import { closePostgresForTests } from '@/lib/db/database';
import { DIALECTS, freshPostgresUrl } from '@/lib/testing/storage-dialects';
import { latestResult, resultsFor, saveResult } from './store';
import type { VerificationResult } from './verification';

const INSTANCE = 'r-bp1verifystore001';

function result(
  backupId: string,
  finishedAt: string,
  over: Partial<VerificationResult> = {},
): VerificationResult {
  return {
    instanceId: INSTANCE,
    backupId,
    jobId: null,
    status: 'ok',
    problem: null,
    rdbVersion: 9,
    redisVersion: '6.0.5',
    createdAt: '2026-11-01T02:10:00.000Z',
    keys: 1_204,
    expires: 17,
    keysByDb: { '0': 1_200, '3': 4 },
    keysByType: { string: 1_000, hash: 204 },
    checksum: 'ok',
    bytesRead: 3_221_225_472, // past 2^31: int8 on PostgreSQL
    size: 3_221_225_472,
    durationMs: 8_100,
    startedAt: new Date(Date.parse(finishedAt) - 8_100).toISOString(),
    finishedAt,
    origin: 'manual',
    user: 'downloader',
    ...over,
  };
}

// The verification results kept in the index read back the same on both engines.
describe.each(DIALECTS)('verification results on %s', (dialect) => {
  beforeAll(async () => {
    vi.stubEnv('DATA_DIR', mkdtempSync(path.join(os.tmpdir(), 'kvb-verify-store-')));
    if (dialect === 'postgres') vi.stubEnv('DATABASE_URL', await freshPostgresUrl());
    resetConfigForTests();
  });
  afterAll(async () => {
    await closeIndexDbForTests();
    await closePostgresForTests();
    vi.unstubAllEnvs();
    resetConfigForTests();
  });

  it('keeps the latest result per backup, with every field as it was written', async () => {
    const db = await getIndexDb();
    const first = result('b-1', '2026-11-02T00:00:00.000Z');
    await saveResult(db, first);
    expect(await resultsFor(db, INSTANCE, ['b-1'])).toEqual([first]);

    const again = result('b-1', '2026-11-03T00:00:00.000Z', {
      status: 'corrupt',
      problem: { code: 'checksum_mismatch', offset: 3_221_225_464, params: { expected: 'ab', actual: 'cd' } },
      origin: 'scheduled',
      user: null,
    });
    await saveResult(db, again);
    expect(await resultsFor(db, INSTANCE, ['b-1', 'b-unknown'])).toEqual([again]);
  });

  it('says which backup of an instance was verified last', async () => {
    const db = await getIndexDb();
    await saveResult(db, result('b-2', '2026-11-04T00:00:00.000Z'));
    await saveResult(db, result('b-3', '2026-11-01T00:00:00.000Z'));
    expect((await latestResult(db, INSTANCE))?.backupId).toBe('b-2');
    expect(await latestResult(db, 'r-bp1nothingverified')).toBeNull();
    expect(await resultsFor(db, INSTANCE, [])).toEqual([]);
  });
});
