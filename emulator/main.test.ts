import { spawn } from 'node:child_process';
import path from 'node:path';
import Client, { DescribeBackupsRequest } from '@alicloud/r-kvstore20150101';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { describe, expect, it } from 'vitest';
import { SEED_INSTANCE_IDS } from './seed';
import { signParamsV1 } from './signing/v1';

// The emulator as a person runs it (`npm run emulator -- --port N`), driven by the official SDK.

describe('npm run emulator', () => {
  it('prints its address, serves the seed page example to the SDK and stops on SIGTERM', async () => {
    const tsx = path.resolve('node_modules', '.bin', 'tsx');
    const child = spawn(tsx, ['emulator/main.ts', '--port', '0'], {
      env: { ...process.env, EMULATOR_ACCESS_KEY_ID: 'cli-key', EMULATOR_ACCESS_KEY_SECRET: 'cli-secret' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = out.match(/^listening on (http:\/\/127\.0\.0\.1:\d+)$/m);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });

      const sdk = (secret: string) =>
        new Client(
          new $OpenApiUtil.Config({
            accessKeyId: 'cli-key',
            accessKeySecret: secret,
            endpoint: new URL(url).host,
            protocol: 'HTTP',
            regionId: 'cn-hangzhou',
          }),
        );
      const request = new DescribeBackupsRequest({
        instanceId: 'r-bp1xxxxxxxxxxxxx',
        startTime: '2019-03-11T10:00Z',
        endTime: '2019-03-14T18:00Z',
      });
      const res = await sdk('cli-secret').describeBackups(request);
      expect(res.body?.backups?.backup?.map((b) => String(b.backupId))).toEqual([
        '336077354',
        '335538809',
        '335001607',
      ]);
      await expect(sdk('wrong').describeBackups(request)).rejects.toMatchObject({
        code: 'SignatureDoesNotMatch',
      });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

describe('EMULATOR_SCALE_BACKUPS', () => {
  const tsx = path.resolve('node_modules', '.bin', 'tsx');
  const run = (value: string) =>
    spawn(tsx, ['emulator/main.ts', '--port', '0'], {
      env: {
        ...process.env,
        EMULATOR_SCALE_BACKUPS: value,
        EMULATOR_ACCESS_KEY_ID: 'scale-key',
        EMULATOR_ACCESS_KEY_SECRET: 'scale-secret',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('adds the bulk instance with exactly that many backups', async () => {
    const child = run('1234');
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = out.match(/^listening on (http:\/\/127\.0\.0\.1:\d+)$/m);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const params = signParamsV1(
        'GET',
        {
          Version: '2015-01-01',
          Action: 'DescribeBackups',
          InstanceId: SEED_INSTANCE_IDS.bulk,
          StartTime: '2000-01-01T00:00Z',
          EndTime: '2099-01-01T00:00Z',
        },
        { accessKeyId: 'scale-key', accessKeySecret: 'scale-secret' },
      );
      const res = await fetch(`${url}/?${new URLSearchParams(params)}`);
      expect(((await res.json()) as { TotalCount: number }).TotalCount).toBe(1234);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses a value that is not a whole number from 1 to 5,000,000', async () => {
    const child = run('1e6');
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('EMULATOR_SCALE_BACKUPS must be a whole number from 1 to 5,000,000, got "1e6"');
  });
});
