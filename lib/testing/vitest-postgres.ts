import type { TestProject } from 'vitest/node';
import { POSTGRES_MISSING, postgresBinDir, startThrowawayPostgres } from './throwaway-postgres';

// Vitest's global setup: one throwaway PostgreSQL for the run, so the storage tests run on both engines.
// TEST_DATABASE_URL points them at a server of your own instead. Without PostgreSQL they are skipped with
// a loud line; in CI (CI=true, where .ci/run installs it) a missing PostgreSQL fails the run.

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the test PostgreSQL, or null when the machine has none. */
    postgresUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('postgresUrl', process.env.TEST_DATABASE_URL);
    return async () => undefined;
  }
  if (!postgresBinDir()) {
    if (process.env.CI)
      throw new Error(`The storage tests must run on PostgreSQL in CI. ${POSTGRES_MISSING}`);
    const line = '!'.repeat(100);
    console.warn(
      `\n${line}\n!! SKIPPING every PostgreSQL storage test: ${POSTGRES_MISSING}\n!! Only SQLite was tested.\n${line}\n`,
    );
    project.provide('postgresUrl', null);
    return async () => undefined;
  }
  const server = await startThrowawayPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
