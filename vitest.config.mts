import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; unit tests call server code directly.
      'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-stub.ts'),
    },
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**'],
    testTimeout: 20_000,
    // One throwaway PostgreSQL per run, so the storage tests run on SQLite and PostgreSQL alike.
    globalSetup: ['lib/testing/vitest-postgres.ts'],
  },
});
