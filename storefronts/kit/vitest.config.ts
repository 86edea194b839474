import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** The kit's unit tests: pure functions and the image route, no server or browser. */
export default defineConfig({
  resolve: {
    alias: {
      '@souk/sdk': join(import.meta.dirname, '../../sdk/src/index.ts'),
      // `server-only` throws outside a React Server environment; the tests run the server helpers directly.
      'server-only': join(import.meta.dirname, 'src/server/testing-server-only.ts'),
    },
  },
  test: { root: import.meta.dirname, include: ['src/**/*.test.ts'] },
});
