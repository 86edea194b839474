import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const specDir = fileURLToPath(new URL('../../../spec/', import.meta.url));

/** The storefront schema's SDL (spec/graphql/storefront.graphql), the contract resolvers are held to. */
export function loadStorefrontSdl(): string {
  return readFileSync(`${specDir}graphql/storefront.graphql`, 'utf8');
}

/**
 * The persisted-operations manifest `{ sha256: document }`: the file `GRAPHQL_PERSISTED_MANIFEST` names
 * (a storefront's own build), else the one `npm run generate` builds from the SDK's operations.
 */
export function loadPersistedManifest(path: string | undefined): Record<string, string> {
  const file = path ?? `${specDir}dist/graphql-operations.json`;
  if (!existsSync(file)) {
    if (path) throw new Error(`GRAPHQL_PERSISTED_MANIFEST: ${path} does not exist`);
    return {};
  }
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (
    manifest === null ||
    typeof manifest !== 'object' ||
    Object.values(manifest).some((doc) => typeof doc !== 'string')
  )
    throw new Error(`${file}: a persisted-operations manifest maps sha256 hashes to documents`);
  return manifest as Record<string, string>;
}
