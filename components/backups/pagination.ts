// The numbers under the table. Pure, so the page past the end and the singular are tested once.

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** "31–60 of 504 backups", "7 of 7 backups", "1 of 1 backup": a page past the end reads as the last one. */
export function pageSummary(page: number, pageSize: number, total: number): string {
  const noun = total === 1 ? 'backup' : 'backups';
  if (total === 0) return `0 ${noun}`;
  const current = Math.min(Math.max(1, page), pageCount(total, pageSize));
  const first = (current - 1) * pageSize + 1;
  const last = Math.min(total, current * pageSize);
  const n = (v: number) => v.toLocaleString('en-US');
  return `${first === last ? n(first) : `${n(first)}–${n(last)}`} of ${n(total)} ${noun}`;
}
