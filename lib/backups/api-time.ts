// DescribeBackups takes UTC times at minute precision (`2019-03-11T10:00Z`). We widen the user's
// range to whole minutes when asking and then filter to the exact instants ourselves.

export function toApiMinute(date: Date, round: 'floor' | 'ceil'): string {
  const minuteMs = 60_000;
  const t = round === 'floor' ? Math.floor(date.getTime() / minuteMs) : Math.ceil(date.getTime() / minuteMs);
  return new Date(t * minuteMs).toISOString().slice(0, 16) + 'Z';
}
