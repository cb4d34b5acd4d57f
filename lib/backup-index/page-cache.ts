import 'server-only';
import type { BackupsPage } from '@/lib/backups/answer';
import type { BackupsQuery } from '@/lib/backups/query';
import { processSingleton } from '@/lib/process-singleton';
import { TtlCache } from '@/lib/ttl-cache';
import type { IndexDb } from './db';
import { queryPage } from './query';
import { getSyncEngine } from './sync-engine';

// The same page asked again (the default view of a busy instance, a tab polling, the server render and
// then the browser) is answered from memory until the index changes. Within this process the sync engine
// writes every change and bumps the instance's version, so a cached page is never behind it; the short
// lifetime bounds what writes by another process (a second replica) can leave unseen.

const LIFETIME_MS = 5_000;
const MAX_PAGES = 200;

export function cachedQueryPage(db: IndexDb, instanceId: string, query: BackupsQuery): Promise<BackupsPage> {
  const pages = processSingleton('page-cache', () => new TtlCache<BackupsPage>(LIFETIME_MS, MAX_PAGES));
  // The query is zod's output: the same fields in the same order, dates as ISO strings.
  const key = `${instanceId} ${getSyncEngine().version(instanceId)} ${JSON.stringify(query)}`;
  return pages.get(key, () => queryPage(db, instanceId, query));
}
