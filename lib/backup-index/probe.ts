import 'server-only';
import type { IndexDb } from './db';

/** For /api/ready: rewrites one row of its own, so a database that refuses writes shows before a sync fails. */
export async function probeIndexWrite(db: IndexDb): Promise<void> {
  await db
    .insertInto('probe')
    .values({ name: 'ready', at_ms: Date.now() })
    .onConflict((oc) => oc.column('name').doUpdateSet({ at_ms: (eb) => eb.ref('excluded.at_ms') }))
    .execute();
}
