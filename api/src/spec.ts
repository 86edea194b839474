import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Document } from 'openapi-backend';

const distDir = fileURLToPath(new URL('../../spec/dist/', import.meta.url));

/**
 * The API reference page built from the spec and the Redoc script it loads (undefined when `npm run
 * generate` has not built them). Kept in memory from the first request that opens them: ~2.9 MB as
 * bytes (outside the V8 heap) and ~1 MB more per encoding asked, against 18–38 ms of CPU to compress
 * the script on every compressed answer when it was read per request. A process nobody opens the
 * reference on holds none of it.
 */
export interface DocsFiles {
  /** The page, read once it exists and then kept: the same `Buffer` on every call. */
  html(): Promise<Buffer | undefined>;
  /** The Redoc bundle it loads (2.3 MB), read and kept the same way. */
  script(): Promise<Buffer | undefined>;
}

/**
 * A file `npm run generate` writes, read on first use and kept for the life of the process, so its
 * compressed forms are made once (see `keptBytes`). Until it exists every call looks again.
 */
function keptFile(file: string): () => Promise<Buffer | undefined> {
  let kept: Promise<Buffer | undefined> | undefined;
  return () => {
    kept ??= readFile(file).catch((err: NodeJS.ErrnoException) => {
      kept = undefined;
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    return kept;
  };
}

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
      html: keptFile(`${distDir}docs.html`),
      script: keptFile(`${distDir}docs/redoc.standalone.js`),
    },
  };
}
