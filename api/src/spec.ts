import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Document } from 'openapi-backend';

const distDir = fileURLToPath(new URL('../../spec/dist/', import.meta.url));

/** Loads the bundled spec, the docs page built from it and the page's script (`npm run generate` writes them). */
export function loadSpecArtifacts(): {
  document: Document;
  docsHtml: string | undefined;
  docsScript: string | undefined;
} {
  const specFile = `${distDir}openapi.json`;
  if (!existsSync(specFile)) {
    throw new Error(`The bundled spec ${specFile} is missing: run \`npm run generate\` first.`);
  }
  const document = JSON.parse(readFileSync(specFile, 'utf8')) as Document;
  const docsFile = `${distDir}docs.html`;
  const scriptFile = `${distDir}docs/redoc.standalone.js`;
  return {
    document,
    docsHtml: existsSync(docsFile) ? readFileSync(docsFile, 'utf8') : undefined,
    docsScript: existsSync(scriptFile) ? readFileSync(scriptFile, 'utf8') : undefined,
  };
}
