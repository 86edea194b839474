import { defineConfig } from 'vitest/config';

process.env.PACT_DO_NOT_TRACK = 'true';

export default defineConfig({
  // The tests start the API in process: load graphql's CommonJS build as Node and graphql-yoga do
  // (see api/vitest.config.ts).
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Each file starts its own API over its own database (PGlite starts in seconds).
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The JSON report feeds the one-line summary .ci/run prints (scripts/test-summary.mjs).
    reporters: ['default', 'json'],
    outputFile: {
      json: `../.souk/test-results/sdk-${process.env.SOUK_TEST_LABEL ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite')}.json`,
    },
  },
});
