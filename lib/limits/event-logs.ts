import 'server-only';
import { openStore, usesPostgres } from '@/lib/db/database';
import { processSingleton } from '@/lib/process-singleton';
import type { EventLog } from './event-log';
import { MemoryEventLog } from './memory-event-log';
import { LIMITS_MIGRATIONS, type LimitsDatabase } from './migrations';
import { SqlEventLog } from './sql-event-log';

// Which event log a limit counts in: with DATABASE_URL the one every replica shares; without it, one in
// this process's memory per limit, as a single process needs.

class LazyEventLog implements EventLog {
  private log: Promise<SqlEventLog> | null = null;

  private opened(): Promise<SqlEventLog> {
    this.log ??= openStore<LimitsDatabase>({
      label: 'The shared limits (DATABASE_URL)',
      sqliteFile: '',
      migrations: LIMITS_MIGRATIONS,
      migrationTable: 'kysely_migration_limits',
    }).then(
      (db) => new SqlEventLog(db),
      (err: unknown) => {
        this.log = null;
        throw err;
      },
    );
    return this.log;
  }

  exclusive: EventLog['exclusive'] = async (keys, fn) => (await this.opened()).exclusive(keys, fn);
  recent: EventLog['recent'] = async (...args) => (await this.opened()).recent(...args);
  nthNewest: EventLog['nthNewest'] = async (...args) => (await this.opened()).nthNewest(...args);
  add: EventLog['add'] = async (...args) => (await this.opened()).add(...args);
  remove: EventLog['remove'] = async (...args) => (await this.opened()).remove(...args);
  clear: EventLog['clear'] = async (...args) => (await this.opened()).clear(...args);
}

/** The event log for `name` (a limit of its own in memory; the one shared table on PostgreSQL). */
export function eventLog(name: string): EventLog {
  return usesPostgres()
    ? processSingleton('limits-shared', () => new LazyEventLog())
    : processSingleton(`limits-memory-${name}`, () => new MemoryEventLog());
}
