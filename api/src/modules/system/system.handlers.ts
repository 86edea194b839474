import { type Kysely, sql } from 'kysely';
import { pendingMigrations } from '../../db/migrate.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { operations } from '../../generated/openapi.js';
import { keptBytes } from '../../http/json-text.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { DocsFiles } from '../../spec.js';

type SystemHandlers = Pick<
  OperationHandlers,
  'getHealth' | 'getReady' | 'getOpenApiDocument' | 'getApiDocs' | 'getApiDocsScript'
>;

export interface SystemDeps {
  db: Kysely<Database>;
  driver: 'pglite' | 'postgres';
  /** The bundled OpenAPI document. */
  document: operations['getOpenApiDocument']['responses'][200]['content']['application/json'];
  /** The Redoc page built from the spec, and the Redoc bundle it loads (served locally, so the reference works offline). */
  docs: DocsFiles;
  /** True once shutdown began: readiness fails so load balancers stop sending traffic. */
  isShuttingDown: () => boolean;
}

const built = (bytes: Buffer | undefined): string => {
  if (bytes === undefined) {
    throw new AppError('service_unavailable', 'The API reference was not built; run `npm run generate`.');
  }
  return keptBytes<string>(bytes);
};

/** Liveness, readiness and the contract itself. */
export function systemHandlers(deps: SystemDeps) {
  const started = performance.now();
  // The document never changes while the process runs: serialised once, its encodings made once.
  let documentBytes: Buffer | undefined;
  return {
    getHealth: async () => ({
      status: 200,
      body: { status: 'ok', uptime_seconds: Math.round(performance.now() - started) / 1000 },
    }),
    getReady: async () => {
      if (deps.isShuttingDown()) throw new AppError('service_unavailable', 'The server is shutting down.');
      let pending: string[];
      try {
        await sql`SELECT 1`.execute(deps.db);
        pending = await pendingMigrations(deps.db);
      } catch (err) {
        throw new AppError('service_unavailable', 'The database is not reachable.', { cause: err });
      }
      if (pending.length > 0) {
        throw new AppError('service_unavailable', `Migrations are pending: ${pending.join(', ')}.`);
      }
      return {
        status: 200,
        body: {
          status: 'ready',
          database: { reachable: true, migrated: true, driver: deps.driver, pending_migrations: [] },
        },
      };
    },
    getOpenApiDocument: async () => {
      documentBytes ??= Buffer.from(JSON.stringify(deps.document));
      return { status: 200, body: keptBytes<typeof deps.document>(documentBytes) };
    },
    getApiDocs: async () => ({ status: 200, type: 'text/html', body: built(await deps.docs.html()) }),
    getApiDocsScript: async () => ({
      status: 200,
      type: 'text/javascript',
      body: built(await deps.docs.script()),
      headers: { 'Cache-Control': 'public, max-age=86400' },
    }),
  } satisfies SystemHandlers;
}
