// Fetches every page of a paged upstream list: the first page (to learn the total), then the rest
// in parallel with at most `concurrency` requests in flight. Any failure stops new requests and
// rejects; retrying is the caller's page fetcher's job, so each page is retried on its own.

export interface Page<T> {
  totalCount: number;
  items: T[];
}

export interface FetchAllPagesOptions<T> {
  fetchPage: (pageNumber: number) => Promise<Page<T>>;
  pageSize: number;
  concurrency: number;
  /** Refuse ranges larger than this instead of fetching them. */
  maxItems: number;
  /** Thrown when totalCount exceeds maxItems. */
  tooMany: (totalCount: number) => Error;
}

export interface AllPages<T> {
  first: Page<T>;
  items: T[];
  /** False when the total changed while paging: a row may then be missing or repeated. */
  consistent: boolean;
}

export async function fetchAllPages<T>(opts: FetchAllPagesOptions<T>): Promise<AllPages<T>> {
  const first = await opts.fetchPage(1);
  if (first.totalCount > opts.maxItems) throw opts.tooMany(first.totalCount);
  const pageCount = Math.ceil(first.totalCount / opts.pageSize);
  const pages: T[][] = [first.items];

  let next = 2;
  let failed = false;
  let consistent = true;
  const worker = async () => {
    while (!failed && next <= pageCount) {
      const pageNumber = next++;
      try {
        const page = await opts.fetchPage(pageNumber);
        pages[pageNumber - 1] = page.items;
        if (page.totalCount !== first.totalCount) consistent = false;
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const workers = Array.from({ length: Math.min(opts.concurrency, Math.max(0, pageCount - 1)) }, worker);
  await Promise.all(workers);
  return { first, items: pages.flat(), consistent };
}
