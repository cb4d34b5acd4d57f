import { describe, expect, it } from 'vitest';
import { fetchAllPages, type Page } from './fetch-all-pages';

function pagedSource(total: number, pageSize: number, delayMs = 5) {
  let inFlight = 0;
  let maxInFlight = 0;
  const calls: number[] = [];
  const fetchPage = async (n: number): Promise<Page<number>> => {
    calls.push(n);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, delayMs));
    inFlight--;
    const from = (n - 1) * pageSize;
    return {
      totalCount: total,
      items: Array.from({ length: Math.max(0, Math.min(pageSize, total - from)) }, (_, i) => from + i),
    };
  };
  return { fetchPage, calls, maxInFlight: () => maxInFlight };
}

const tooMany = (n: number) => new Error(`too many: ${n}`);

describe('fetchAllPages', () => {
  it('fetches the first page, then the rest in order under the concurrency cap', async () => {
    const src = pagedSource(1000, 30);
    const { items } = await fetchAllPages({
      fetchPage: src.fetchPage,
      pageSize: 30,
      concurrency: 3,
      maxItems: 5000,
      tooMany,
    });
    expect(items).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(src.calls[0]).toBe(1);
    expect(src.calls.length).toBe(34);
    expect(src.maxInFlight()).toBe(3);
  });

  it('reports a total that changed while paging', async () => {
    const src = pagedSource(100, 30);
    const growing = async (n: number) => ({ ...(await src.fetchPage(n)), totalCount: n === 1 ? 100 : 101 });
    const all = await fetchAllPages({
      fetchPage: growing,
      pageSize: 30,
      concurrency: 2,
      maxItems: 5000,
      tooMany,
    });
    expect(all.consistent).toBe(false);
    expect(
      (
        await fetchAllPages({
          fetchPage: pagedSource(100, 30).fetchPage,
          pageSize: 30,
          concurrency: 2,
          maxItems: 5000,
          tooMany,
        })
      ).consistent,
    ).toBe(true);
  });

  it('makes one call when everything fits on the first page', async () => {
    const src = pagedSource(10, 30);
    await fetchAllPages({ fetchPage: src.fetchPage, pageSize: 30, concurrency: 4, maxItems: 5000, tooMany });
    expect(src.calls).toEqual([1]);
  });

  it('refuses a range over maxItems after one call', async () => {
    const src = pagedSource(6000, 300);
    await expect(
      fetchAllPages({ fetchPage: src.fetchPage, pageSize: 300, concurrency: 4, maxItems: 5000, tooMany }),
    ).rejects.toThrow('too many: 6000');
    expect(src.calls).toEqual([1]);
  });

  it('stops starting pages after one fails, and rejects with that error', async () => {
    const src = pagedSource(3000, 30);
    const failing = async (n: number) => {
      if (n === 5) throw new Error('page 5 failed');
      return src.fetchPage(n);
    };
    await expect(
      fetchAllPages({ fetchPage: failing, pageSize: 30, concurrency: 2, maxItems: 5000, tooMany }),
    ).rejects.toThrow('page 5 failed');
    await new Promise((r) => setTimeout(r, 30));
    expect(src.calls.length).toBeLessThan(10);
  });
});
