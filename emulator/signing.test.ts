import { OpenApiUtil } from '@alicloud/openapi-core';
import { describe, expect, it } from 'vitest';
import { NonceStore } from './signing/nonce-store';
import { percentEncode } from './signing/percent-encode';
import { signV1, stringToSignV1 } from './signing/v1';
import { canonicalRequestV3, sha256Hex, signRequestV3, signV3, stringToSignV3 } from './signing/v3';

describe('V1 (RPC HMAC-SHA1)', () => {
  it('reproduces the documented ECS DescribeRegions example', () => {
    const params = {
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      Format: 'XML',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Timestamp: '2016-02-23T12:46:24Z',
      Version: '2014-05-26',
    };
    const sts = stringToSignV1('GET', params);
    expect(sts).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(signV1('testsecret', sts)).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('percent-encodes per RFC 3986', () => {
    expect(percentEncode("a b*c~!'()")).toBe('a%20b%2Ac~%21%27%28%29');
  });
});

describe('V3 (ACS3-HMAC-SHA256)', () => {
  it('builds the canonical request from sorted query and signed headers', () => {
    const canonical = canonicalRequestV3({
      method: 'post',
      pathname: '/',
      query: [
        ['StartTime', '2019-03-11T10:00Z'],
        ['InstanceId', 'r-bp1xxxxxxxxxxxxx'],
      ],
      signedHeaders: [
        ['x-acs-date', '2024-01-01T00:00:00Z'],
        ['host', ' 127.0.0.1:4010 '],
      ],
      payloadHash: sha256Hex(''),
    });
    expect(canonical).toBe(
      [
        'POST',
        '/',
        'InstanceId=r-bp1xxxxxxxxxxxxx&StartTime=2019-03-11T10%3A00Z',
        'host:127.0.0.1:4010\nx-acs-date:2024-01-01T00:00:00Z\n',
        'host;x-acs-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
  });

  it('signs exactly like the official SDK', () => {
    const headers = signRequestV3({
      host: '127.0.0.1:4010',
      action: 'DescribeBackups',
      query: { InstanceId: 'r-1', StartTime: '2019-03-11T10:00Z' },
      accessKeyId: 'ak',
      accessKeySecret: 'sk',
      date: '2024-01-01T00:00:00Z',
      nonce: 'n1',
    });
    const { authorization, ...unsigned } = headers;
    const sdk = OpenApiUtil.getAuthorization(
      {
        pathname: '/',
        method: 'POST',
        query: { InstanceId: 'r-1', StartTime: '2019-03-11T10:00Z' },
        headers: unsigned,
      } as never,
      'ACS3-HMAC-SHA256',
      sha256Hex(''),
      'ak',
      'sk',
    );
    expect(authorization).toBe(sdk);
    expect(signV3('sk', stringToSignV3('x'))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('NonceStore', () => {
  it('rejects replays, forgets after the ttl and stays bounded', () => {
    const store = new NonceStore(1000, 3);
    expect(store.use('a', 0)).toBe(true);
    expect(store.use('a', 500)).toBe(false);
    expect(store.use('a', 1500)).toBe(true);
    for (const n of ['b', 'c', 'd', 'e']) store.use(n, 1600);
    expect(store.size).toBe(3);
  });
});
