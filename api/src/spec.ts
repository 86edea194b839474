import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Document } from 'openapi-backend';

const distDir = fileURLToPath(new URL('../../spec/dist/', import.meta.url));

/** Loads the bundled spec and the docs page built from it (`npm run generate` writes both). */
export function loadSpecArtifacts(): { document: Document; docsHtml: string | undefined } {
  const specFile = `${distDir}openapi.json`;
  if (!existsSync(specFile)) {
    throw new Error(`The bundled spec ${specFile} is missing: run \`npm run generate\` first.`);
  }
  const document = JSON.parse(readFileSync(specFile, 'utf8')) as Document;
  const docsFile = `${distDir}docs.html`;
  return { document, docsHtml: existsSync(docsFile) ? readFileSync(docsFile, 'utf8') : undefined };
}
