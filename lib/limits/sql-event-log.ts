import type { Kysely } from 'kysely';
import { lockForTransaction } from '@/lib/db/migrate';
import type { EventLog, LoggedEvent } from './event-log';
import type { LimitsDatabase } from './migrations';

// The event log in the shared database, so every replica counts the same events. `exclusive` is a
// transaction holding an advisory lock per key; expired events are deleted about once a minute.

const PRUNE_EVERY_MS = 60_000;

export class SqlEventLog implements EventLog {
  private lastPrune = 0;

  constructor(
    private readonly db: Kysely<LimitsDatabase>,
    /** False inside a transaction: pruning is the root log's job. */
    private readonly prunes = true,
  ) {}

  exclusive<T>(keys: readonly string[], fn: (log: EventLog) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      // Always in the same order, so two transactions never wait on each other's second key.
      for (const key of [...new Set(keys)].sort()) await lockForTransaction(trx, `limits:${key}`);
      return fn(new SqlEventLog(trx, false));
    });
  }

  async recent<D>(log: string, key: string, now: number, windowMs: number): Promise<LoggedEvent<D>[]> {
    const rows = await this.db
      .selectFrom('limit_events')
      .select(['id', 'at_ms', 'data'])
      .where('log', '=', log)
      .where('key', '=', key)
      .where('at_ms', '>', now - windowMs)
      .orderBy('at_ms')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      at: r.at_ms,
      data: (r.data === null ? undefined : JSON.parse(r.data)) as D,
      ref: r.id,
    }));
  }

  async nthNewest(
    log: string,
    key: string,
    now: number,
    windowMs: number,
    n: number,
  ): Promise<number | null> {
    const row = await this.db
      .selectFrom('limit_events')
      .select('at_ms')
      .where('log', '=', log)
      .where('key', '=', key)
      .where('at_ms', '>', now - windowMs)
      .orderBy('at_ms', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .offset(n - 1)
      .executeTakeFirst();
    return row?.at_ms ?? null;
  }

  async add<D>(log: string, key: string, at: number, keepMs: number, data?: D): Promise<unknown> {
    await this.pruneIfDue(at);
    const { id } = await this.db
      .insertInto('limit_events')
      .values({
        log,
        key,
        at_ms: at,
        expires_ms: at + keepMs,
        data: data === undefined ? null : JSON.stringify(data),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async remove(log: string, key: string, ref: unknown): Promise<void> {
    await this.db
      .deleteFrom('limit_events')
      .where('id', '=', ref as number)
      .where('log', '=', log)
      .where('key', '=', key)
      .execute();
  }

  async clear(log: string, key: string): Promise<void> {
    await this.db.deleteFrom('limit_events').where('log', '=', log).where('key', '=', key).execute();
  }

  private async pruneIfDue(now: number): Promise<void> {
    if (!this.prunes || now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.db.deleteFrom('limit_events').where('expires_ms', '<', now).execute();
  }
}
