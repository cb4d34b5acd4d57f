import { describe, expect, it } from 'vitest';
import { HashQueue, HashQueueFull } from './hash-queue';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('HashQueue', () => {
  it('runs at most `concurrency` at once, queues up to the limit and refuses the rest with a wait', async () => {
    const q = new HashQueue(2, 3);
    let running = 0;
    let most = 0;
    const gates = Array.from({ length: 5 }, deferred);
    const runs = gates.map((g) =>
      q.run(async () => {
        running++;
        most = Math.max(most, running);
        await g.promise;
        running--;
        return 'checked';
      }),
    );
    await expect(q.run(async () => 'never')).rejects.toBeInstanceOf(HashQueueFull);
    await expect(q.run(async () => 'never')).rejects.toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(q.isFull()).toBe(true);
    for (const g of gates) g.resolve();
    expect(await Promise.all(runs)).toEqual(Array(5).fill('checked'));
    expect(most).toBe(2);
    expect(q.isFull()).toBe(false);
    expect(await q.run(async () => 'again')).toBe('again');
  });

  it('frees the slot when a hash throws', async () => {
    const q = new HashQueue(1, 0);
    await expect(q.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await q.run(async () => 'ok')).toBe('ok');
  });
});
