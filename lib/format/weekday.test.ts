import { describe, expect, it } from 'vitest';
import { formatWeekday } from './weekday';

describe('formatWeekday', () => {
  it('names the day of the week in the locale, Sunday as 0', () => {
    expect([0, 1, 6].map((d) => formatWeekday(d, 'en'))).toEqual(['Sun', 'Mon', 'Sat']);
    expect([0, 1, 6].map((d) => formatWeekday(d, 'zh-CN'))).toEqual(['周日', '周一', '周六']);
  });
});
