import { describe, expect, it } from 'vitest';
import { isAllowedDownloadHost, upgradeAlibabaUrl } from './fetch-download';

describe('isAllowedDownloadHost', () => {
  const endpoint = 'http://127.0.0.1:4010';
  it.each([
    ['https://rdsbak-hk45-v2.oss-cn-hongkong.aliyuncs.com/x', true],
    ['https://rdsbak-hk45-v2.oss-cn-hongkong-internal.aliyuncs.com/x', true],
    // Plain http would show the presigned URL (and the file) to anyone on the path.
    ['http://rdsbak-hk45-v2.oss-cn-hongkong-internal.aliyuncs.com/x', false],
    ['http://rdsbak-hk45-v2.oss-cn-hongkong.aliyuncs.com/x', false],
    // Only subdomains: the bare domain serves no backups.
    ['https://aliyuncs.com/x', false],
    ['http://aliyuncs.com/x', false],
    ['https://oss.aliyuncs.com:8443/x', false],
    ['https://user:pass@oss.aliyuncs.com/x', false],
    ['http://127.0.0.1:4010/oss/r-1/2/f.rdb', true],
    ['https://127.0.0.1:4010/oss/r-1/2/f.rdb', false],
    ['http://127.0.0.1:4011/oss/r-1/2/f.rdb', false],
    ['http://127.0.0.1/oss/r-1/2/f.rdb', false],
    ['http://localhost:4010/oss/r-1/2/f.rdb', false],
    ['http://user@127.0.0.1:4010/oss/r-1/2/f.rdb', false],
    ['https://aliyuncs.com.evil.example/x', false],
    ['https://evilaliyuncs.com/x', false],
    ['ftp://oss.aliyuncs.com/x', false],
    ['javascript://oss.aliyuncs.com/%0aalert(1)', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedDownloadHost(new URL(url), endpoint)).toBe(allowed);
  });

  it('allows only Alibaba Cloud without a configured endpoint', () => {
    expect(isAllowedDownloadHost(new URL('http://127.0.0.1:4010/x'), undefined)).toBe(false);
    expect(isAllowedDownloadHost(new URL('https://a.aliyuncs.com/x'), undefined)).toBe(true);
  });

  it('takes the endpoint’s exact origin, whatever its path', () => {
    expect(isAllowedDownloadHost(new URL('https://proxy.example/x'), 'https://proxy.example/api/')).toBe(
      true,
    );
    expect(isAllowedDownloadHost(new URL('http://proxy.example/x'), 'https://proxy.example/api/')).toBe(
      false,
    );
  });
});

describe('upgradeAlibabaUrl', () => {
  it('moves an Alibaba Cloud http URL to https, keeping path and signature', () => {
    const url =
      'http://b.oss-cn-hangzhou-internal.aliyuncs.com/f.rdb?OSSAccessKeyId=k&Expires=1&Signature=a%2Bb';
    expect(upgradeAlibabaUrl(new URL(url)).toString()).toBe(url.replace('http:', 'https:'));
  });

  it('leaves every other URL as it is', () => {
    for (const url of ['http://127.0.0.1:4010/f', 'http://aliyuncs.com/f', 'http://a.aliyuncs.com.evil/f'])
      expect(upgradeAlibabaUrl(new URL(url)).toString()).toBe(url);
  });
});
