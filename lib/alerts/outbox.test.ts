import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MIGRATIONS } from '@/lib/backup-index/migrations';
import type { IndexDatabase } from '@/lib/backup-index/schema';
import { resetConfigForTests } from '@/lib/config';
import { DIALECTS, freshDb } from '@/lib/testing/storage-dialects';
import { deliverDue } from './deliver';
import { testMessage } from './message';
import { enqueue, recentMessages } from './outbox';

// The outbox shared by replicas (one database, several senders): each message reaches the webhook once.

let receiver: Server;
const received: string[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    received.push(String(req.headers['x-kvstore-alert-id']));
    req.resume();
    req.on('end', () => res.writeHead(200).end('ok'));
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  vi.stubEnv('ALERT_WEBHOOK_URL', `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`);
  vi.stubEnv('ALERT_WEBHOOK_FORMAT', 'json');
  resetConfigForTests();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  resetConfigForTests();
  await new Promise((r) => receiver.close(r));
});

describe.each(DIALECTS)('the alert outbox on %s', (dialect) => {
  let db: Kysely<IndexDatabase>;
  beforeAll(async () => {
    db = await freshDb<IndexDatabase>(dialect, MIGRATIONS);
  });
  afterAll(() => db.destroy());

  it('sends each message once when two replicas deliver at the same time', async () => {
    received.length = 0;
    // Enqueued a second ago (in order, a millisecond apart): all are due when the replicas look.
    const now = Date.now() - 1_000;
    const ids = Array.from({ length: 6 }, (_, i) => `${dialect}-alert-${i}`);
    for (const [i, id] of ids.entries()) await enqueue(db, testMessage(id, 'tester', now + i), now + i, true);
    // The same message enqueued again (a second replica saw the same transition) is one row.
    await enqueue(db, testMessage(ids[0]!, 'tester', now), now, true);

    const sent = await Promise.all([deliverDue(db), deliverDue(db), deliverDue(db)]);

    // The rows first: a send that failed shows its error here.
    const rows = await recentMessages(db);
    expect(rows.map((r) => [r.id, r.status, r.attempts, r.last_error]).sort()).toEqual(
      ids.map((id) => [id, 'sent', 1, null]).sort(),
    );
    expect(sent.reduce((a, b) => a + b, 0)).toBe(ids.length);
    expect([...received].sort()).toEqual([...ids].sort());
    expect(await deliverDue(db)).toBe(0);
  });
});
