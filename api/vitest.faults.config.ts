import { defineConfig } from 'vitest/config';

/**
 * Fault tests: they kill plugin runners and stop/start the shared Kafka broker, so they run alone,
 * one file at a time, after the main suite (`npm run test:faults`). They need KAFKA_BROKERS and
 * DATABASE_URL (CI's real-services run); without them they are reported as skipped.
 */
export default defineConfig({
  // As in vitest.config.ts: the CommonJS build of graphql, the one graphql-yoga loads.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    // The bundled spec the API loads is generated, not committed: bundle it when missing or stale.
    globalSetup: ['./test/support/generated-spec.ts'],
    include: ['test/faults/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: {
      json: `../.souk/test-results/${process.env.SOUK_TEST_LABEL ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite')}-faults.json`,
    },
  },
});
