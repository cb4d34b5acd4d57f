import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Credential from '@alicloud/credentials';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createKvstoreClient, resetKvstoreClientForTests } from './client';
import { checkCredentials, getSharedCredential } from './credentials';
import { createRealSdk, resolveSdkEndpoint } from './sdk';

// The real SDK against a tiny local server: checks what the SDK sends and throws, independent of the emulator.
type Reply = { status: number; body: string; hang?: boolean };
const seen: IncomingMessage[] = [];
let replies: Reply[] = [];
let url = '';
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  seen.push(req);
  const reply = replies.shift() ?? { status: 200, body: '{}' };
  if (reply.hang) return;
  res.writeHead(reply.status, { 'content-type': 'application/json;charset=utf-8' });
  res.end(reply.body);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const credential = new Credential({
  type: 'access_key',
  accessKeyId: 'test-id',
  accessKeySecret: 'test-secret',
} as never);
const client = (retries = 0, timeoutMs = 5_000) =>
  createKvstoreClient({
    retries,
    sleep: async () => {},
    createSdk: (regionId) => createRealSdk({ regionId, credential, endpointOverride: url, timeoutMs }),
  });

describe('the real SDK through createRealSdk', () => {
  it('honours the endpoint override and signs every attempt anew with ACS3-HMAC-SHA256', async () => {
    seen.length = 0;
    replies = [
      { status: 400, body: '{"Code":"Throttling.User","Message":"slow down","RequestId":"R1"}' },
      { status: 200, body: '{"RegionIds":{"KVStoreRegion":[{"RegionId":"cn-hangzhou"}]}}' },
    ];
    expect(await client(1).describeRegions()).toEqual([
      { regionId: 'cn-hangzhou', localName: null, endpoint: null },
    ]);
    expect(seen).toHaveLength(2);
    const [first, second] = seen.map((r) => r.headers);
    expect(first?.host).toBe(url.replace('http://', ''));
    expect(first?.['x-acs-action']).toBe('DescribeRegions');
    expect(first?.['x-acs-version']).toBe('2015-01-01');
    expect(first?.authorization).toMatch(
      /^ACS3-HMAC-SHA256 Credential=test-id,SignedHeaders=[^,]+,Signature=[0-9a-f]{64}$/,
    );
    expect(first?.['x-acs-signature-nonce']).not.toBe(second?.['x-acs-signature-nonce']);
    expect(first?.authorization).not.toBe(second?.authorization);
    expect(seen[0]?.method).toBe('POST');
  });

  it('keeps bare int64 ids exact', async () => {
    replies = [
      {
        status: 200,
        body: '{"TotalCount":1,"Backups":{"Backup":[{"BackupId":9007199254740993123,"BackupSize":1024}]}}',
      },
    ];
    const page = await client().describeBackups({
      regionId: 'cn-hangzhou',
      instanceId: 'r-1',
      startTime: '2019-03-11T10:00Z',
      endTime: '2019-03-14T18:00Z',
      pageSize: 30,
      pageNumber: 1,
    });
    expect(page.backups[0]).toMatchObject({ backupId: '9007199254740993123', size: 1024 });
  });

  it('maps SignatureDoesNotMatch without the string-to-sign', async () => {
    replies = [
      {
        status: 400,
        body: JSON.stringify({
          Code: 'SignatureDoesNotMatch',
          Message:
            'Specified signature is not matched with our calculation. server string to sign is:ACS3-HMAC-SHA256\nabc123',
          RequestId: 'RID-SIG-1',
        }),
      },
    ];
    const err = await client(3)
      .describeRegions()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      kind: 'credentials',
      status: 502,
      code: 'SignatureDoesNotMatch',
      requestId: 'RID-SIG-1',
    });
    expect((err as Error).message).not.toMatch(/string to sign|abc123/);
  });

  it('maps a non-JSON answer to unavailable', async () => {
    replies = [{ status: 200, body: '<html>oops' }];
    await expect(client().describeRegions()).rejects.toMatchObject({ kind: 'unavailable', retryable: true });
  });

  it('maps a refused connection to unavailable', async () => {
    const dead = createKvstoreClient({
      retries: 0,
      createSdk: (regionId) =>
        createRealSdk({ regionId, credential, endpointOverride: 'http://127.0.0.1:1', timeoutMs: 2_000 }),
    });
    await expect(dead.describeRegions()).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'ECONNREFUSED',
      retryable: true,
    });
  });

  it('times out after timeoutMs', async () => {
    replies = [{ status: 200, body: '', hang: true }];
    await expect(client(0, 1_000).describeRegions()).rejects.toMatchObject({
      kind: 'unavailable',
      retryable: true,
    });
  });

  it('resolves region endpoints the way Alibaba Cloud publishes them', () => {
    expect(resolveSdkEndpoint('cn-shenzhen', credential)).toBe('r-kvstore.cn-shenzhen.aliyuncs.com');
    expect(resolveSdkEndpoint('cn-hangzhou', credential)).toBe('r-kvstore.aliyuncs.com');
    expect(resolveSdkEndpoint('ap-southeast-1', credential)).toBe('r-kvstore.ap-southeast-1.aliyuncs.com');
  });
});

describe('credentials', () => {
  it('reports not_configured when the default chain finds nothing, and never returns the key', async () => {
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', '');
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', '');
    vi.stubEnv('ALIBABA_CLOUD_ECS_METADATA_DISABLED', 'true');
    vi.stubEnv('ALIBABA_CLOUD_CLI_PROFILE_DISABLED', 'true');
    vi.stubEnv('ALIBABA_CLOUD_CREDENTIALS_FILE', '/nonexistent/credentials');
    resetKvstoreClientForTests();
    try {
      const check = await checkCredentials();
      expect(check.ok).toBe(false);
      expect(check.message).toMatch(/ALIBABA_CLOUD_ACCESS_KEY_ID/);

      const noCreds = createKvstoreClient({
        retries: 2,
        createSdk: (regionId) =>
          createRealSdk({
            regionId,
            credential: getSharedCredential(),
            endpointOverride: url,
            timeoutMs: 2_000,
          }),
      });
      await expect(noCreds.describeRegions()).rejects.toMatchObject({ kind: 'not_configured', status: 503 });
      // Still not_configured the second time (the stock chain would report an ECS-metadata error instead).
      await expect(noCreds.describeRegions()).rejects.toMatchObject({ kind: 'not_configured' });

      vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', 'LTAI-visible-id');
      vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'very-secret');
      const ok = await checkCredentials();
      expect(ok).toEqual({ ok: true, source: 'default/env' });
      expect(JSON.stringify(ok)).not.toMatch(/LTAI|very-secret/);
    } finally {
      vi.unstubAllEnvs();
      resetKvstoreClientForTests();
    }
  });
});
