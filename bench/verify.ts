import { execFile, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { SEED_INSTANCE_IDS } from '../emulator/seed';
import type { EmulatorProcess } from '../lib/testing/emulator-process';

// The backup verifier against Debian's redis-check-rdb on the same ≥ 1 GiB RDB file from the emulator, side by
// side, round after round: both reading the file from local disk (the like-for-like comparison), and ours also
// reading the presigned URL over HTTP as the console does. Then the verifier's resident memory on that file and
// on one a sixteenth its size: flat means the same.

const run = promisify(execFile);
const MIB = 1024 * 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const root = path.resolve(__dirname, '..');

interface ChildResult {
  status: string;
  keys: number;
  bytes: number;
  ms: number;
  startRss: number;
  peak: number;
  byTenth: number[];
}

async function addBackup(emulatorUrl: string, size: number): Promise<{ url: string; size: number }> {
  const res = await fetch(`${emulatorUrl}/__admin/instances/${SEED_INSTANCE_IDS.standard}/backups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ size }),
  });
  const backup = (await res.json()) as { BackupDownloadURL: string; BackupSize: number };
  if (res.status !== 201) throw new Error(`could not add a backup: ${JSON.stringify(backup)}`);
  return { url: backup.BackupDownloadURL, size: backup.BackupSize };
}

async function download(url: string, file: string): Promise<void> {
  const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
    http.get(url, resolve).on('error', reject),
  );
  await pipeline(res, createWriteStream(file));
}

async function verifier(source: string, size: number): Promise<ChildResult> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'bench', 'verify-child.ts'), source, String(size)],
    {
      cwd: root,
      maxBuffer: 1 * MIB,
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
}

async function checker(file: string): Promise<number> {
  const started = performance.now();
  await run('redis-check-rdb', [file], { maxBuffer: 8 * MIB });
  return performance.now() - started;
}

const rate = (bytes: number, ms: number) => `${(bytes / MIB / (ms / 1000)).toFixed(0).padStart(5)} MiB/s`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2).padStart(6)} s`;

export async function runVerify(emulator: EmulatorProcess, rounds: number): Promise<string[]> {
  const bytes = Number(process.env.BENCH_VERIFY_BYTES ?? 1024 * MIB);
  const lines = [
    `Backup verification: one ${(bytes / 1024 / MIB).toFixed(2)} GiB RDB 9 file from the emulator, ${rounds} rounds side by side, medians`,
  ];
  const version = spawnSync('redis-check-rdb', ['-v'], { encoding: 'utf8' });
  const hasChecker = version.status === 0;
  const dir = path.join(root, 'data', 'bench');
  mkdirSync(dir, { recursive: true });
  const big = await addBackup(emulator.url, bytes);
  const small = await addBackup(emulator.url, Math.floor(bytes / 16));
  const file = path.join(dir, `verify-${process.pid}.rdb`);
  try {
    await download(big.url, file);
    const times = { checker: [] as number[], file: [] as number[], http: [] as number[] };
    let last: ChildResult | undefined;
    for (let round = 0; round < rounds; round++) {
      if (hasChecker) times.checker.push(await checker(file));
      const local = await verifier(file, big.size);
      if (local.status !== 'ok') throw new Error(`the verifier found the bench file ${local.status}`);
      times.file.push(local.ms);
      last = await verifier(big.url, big.size);
      times.http.push(last.ms);
    }
    const smallRun = await verifier(small.url, small.size);
    const ours = median(times.file);
    if (hasChecker) {
      const theirs = median(times.checker);
      lines.push(
        `  ${version.stdout.trim().padEnd(36)} local file    ${seconds(theirs)}  ${rate(big.size, theirs)}`,
      );
      lines.push(
        `  ${'our verifier'.padEnd(36)} local file    ${seconds(ours)}  ${rate(big.size, ours)}  ratio ${(theirs / ours).toFixed(2)} (at least 0.5 wanted)`,
      );
      const viaHttp = median(times.http);
      lines.push(
        `  ${'our verifier'.padEnd(36)} presigned URL ${seconds(viaHttp)}  ${rate(big.size, viaHttp)}  ratio ${(theirs / viaHttp).toFixed(2)}`,
      );
    } else {
      lines.push('  redis-check-rdb is not installed (apt-get install redis-tools): no comparison');
      lines.push(`  ${'our verifier'.padEnd(36)} local file    ${seconds(ours)}  ${rate(big.size, ours)}`);
    }
    const tenths = last!.byTenth;
    lines.push(
      `  verifier RSS: peak ${last!.peak.toFixed(0)} MiB on ${(big.size / MIB).toFixed(0)} MiB, ${smallRun.peak.toFixed(0)} MiB on ${(small.size / MIB).toFixed(0)} MiB; ` +
        `${tenths[0]?.toFixed(0)} MiB at 10 % read, ${tenths.at(-1)?.toFixed(0)} MiB at ${tenths.length * 10} %`,
    );
  } finally {
    rmSync(file, { force: true });
  }
  return lines;
}
