import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Document } from 'openapi-backend';

const distDir = fileURLToPath(new URL('../../spec/dist/', import.meta.url));

/**
 * The API reference page built from the spec and the Redoc script it loads, read from disk on each
 * request (undefined when `npm run generate` has not built them). Not kept in memory: together they
 * are ~5.6 MB of text, an eighth of the API's live heap, for pages a person opens now and then (the
 * script is cached by the browser for a day).
 */
export interface DocsFiles {
  html(): Promise<string | undefined>;
  script(): Promise<string | undefined>;
}

const readIfBuilt = async (file: string) => {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
};

/** Loads the bundled spec, and finds the docs page and its script (`npm run generate` writes them). */
export function loadSpecArtifacts(): { document: Document; docs: DocsFiles } {
  const specFile = `${distDir}openapi.json`;
  if (!existsSync(specFile)) {
    throw new Error(`The bundled spec ${specFile} is missing: run \`npm run generate\` first.`);
  }
  const document = JSON.parse(readFileSync(specFile, 'utf8')) as Document;
  return {
    document,
    docs: {
      html: () => readIfBuilt(`${distDir}docs.html`),
      script: () => readIfBuilt(`${distDir}docs/redoc.standalone.js`),
    },
  };
}
