import { describe, expect, it } from 'vitest';
import { decodesCleanly } from './bad-path';

describe('decodesCleanly', () => {
  it('refuses what decodeURIComponent cannot decode, in the path only', () => {
    expect(decodesCleanly('/api/instances/%zz/backups')).toBe(false);
    expect(decodesCleanly('/api/instances/x/backups/%ED%A0%80/download')).toBe(false);
    expect(decodesCleanly('/api/auth/%')).toBe(false);
    expect(decodesCleanly('/instances/r-bp1abc/backups?start=2026-11-01T00%3A00Z')).toBe(true);
    expect(decodesCleanly('/instances/r-bp1abc/backups?q=%zz')).toBe(true);
    expect(decodesCleanly('/%E4%B8%AD')).toBe(true);
  });
});
