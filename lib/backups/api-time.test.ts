import { describe, expect, it } from 'vitest';
import { toApiMinute } from './api-time';

describe('toApiMinute', () => {
  it('widens to whole minutes in the API format', () => {
    const d = new Date('2026-11-01T10:15:30.250+08:00');
    expect(toApiMinute(d, 'floor')).toBe('2026-11-01T02:15Z');
    expect(toApiMinute(d, 'ceil')).toBe('2026-11-01T02:16Z');
    expect(toApiMinute(new Date('2026-11-01T02:16:00Z'), 'ceil')).toBe('2026-11-01T02:16Z');
  });
});
