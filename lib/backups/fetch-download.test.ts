import { describe, expect, it } from 'vitest';
import { isAllowedDownloadHost } from './fetch-download';

describe('isAllowedDownloadHost', () => {
  const endpoint = 'http://127.0.0.1:4010';
  it.each([
    ['https://rdsbak-hk45-v2.oss-cn-hongkong.aliyuncs.com/x', true],
    ['http://rdsbak-hk45-v2.oss-cn-hongkong-internal.aliyuncs.com/x', true],
    ['http://127.0.0.1:4010/oss/r-1/2/f.rdb', true],
    ['http://127.0.0.1:4011/oss/r-1/2/f.rdb', false],
    ['https://aliyuncs.com.evil.example/x', false],
    ['https://evilaliyuncs.com/x', false],
    ['ftp://oss.aliyuncs.com/x', false],
    ['javascript://oss.aliyuncs.com/%0aalert(1)', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedDownloadHost(new URL(url), endpoint)).toBe(allowed);
  });

  it('allows only Alibaba Cloud without a configured endpoint', () => {
    expect(isAllowedDownloadHost(new URL('http://127.0.0.1:4010/x'), undefined)).toBe(false);
  });
});
