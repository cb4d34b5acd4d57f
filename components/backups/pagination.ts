// The numbers under the table. Pure, so the page past the end and the singular are tested once.

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The rows a page shows (1-based, inclusive), a page past the end read as the last one. */
export function pageRows(page: number, pageSize: number, total: number): { first: number; last: number } {
  if (total === 0) return { first: 0, last: 0 };
  const current = Math.min(Math.max(1, page), pageCount(total, pageSize));
  return { first: (current - 1) * pageSize + 1, last: Math.min(total, current * pageSize) };
}
