import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.js';
import { createContainer } from '../../src/container.js';
import { createLogger } from '../../src/lib/logger.js';
import { loadSpecArtifacts } from '../../src/spec.js';
import type { TestApi } from './test-api.js';

/**
 * A second API instance over the database, Redis namespace and media storage of `first` (a server
 * database: PGlite lives in one process), as a second replica behind a load balancer would be. Its
 * statements are counted, to tell an answer from memory from one asked of PostgreSQL.
 */
export async function startSecondInstance(first: TestApi) {
  let statements: string[] = [];
  const container = await createContainer(first.db.config, createLogger('silent'), {
    pgliteDir: null,
    onQuery: (event) => {
      statements.push(event.query.sql);
    },
  });
  await container.start();
  const { document, docs } = loadSpecArtifacts();
  const app = await createApp(container, { document, docs });
  const server = createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    container,
    /** Statements run since the last reset whose text names `table` (requests and background work alike). */
    statementsOn: (table: string) => statements.filter((sql) => sql.includes(table)).length,
    resetStatements: () => {
      statements = [];
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await container.close();
    },
  };
}
