import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ObjectStorage } from '../../storage/index.js';
import { FULL_WIDTH, OUTPUT, render, type VariantWidth } from './media.images.js';
import { legacyMediaFolder, mediaKeys } from './media.keys.js';
import * as repo from './media.repository.js';
import { createVariantCache } from './media.variants.js';
import type { createServedAsCache } from './media.verdicts.js';

/**
 * The reading side of product images: which URL may serve a picture, and the bytes of its WebP
 * renditions (from memory, storage, or rendered from the original once and stored).
 */
export function createMediaServing({
  db,
  storage,
  maxPixels,
  cacheBytes,
  servedAs,
}: {
  db: Kysely<Database>;
  storage: ObjectStorage;
  maxPixels: number;
  /** Bytes of rendered variants kept in memory (`MEDIA_CACHE_BYTES`; 0: none). */
  cacheBytes: number;
  /** The plain URLs' verdicts kept in memory (see createServedAsCache). */
  servedAs: ReturnType<typeof createServedAsCache>;
}) {
  const variants = createVariantCache({ maxBytes: cacheBytes });

  /**
   * The original of a picture: at its content address, else where a release before content
   * addressing stored it (`products/<id>/<hash>/`), moved to its content address on this first read.
   */
  async function originalOf(productId: string, hash: string) {
    const keys = mediaKeys(hash);
    const stored = await storage.get(keys.original);
    if (stored) return stored;
    const legacy = legacyMediaFolder(productId, hash);
    const old = await storage.get(`${legacy}original`);
    if (!old) return undefined;
    await storage.put(keys.original, old.data, { contentType: old.contentType });
    await storage.deletePrefix(legacy);
    return old;
  }

  /**
   * A rendition's bytes: stored, else rendered from the original (read through `readOriginal`) and
   * stored (`onRender` is told). Undefined when the image has no original. Both the requests and the
   * pre-rendering run it as the single load of the rendition's key (see createVariantCache).
   */
  async function loadRendition(
    productId: string,
    hash: string,
    width: VariantWidth | undefined,
    readOriginal = () => originalOf(productId, hash),
    onRender = () => {},
  ): Promise<Buffer | undefined> {
    const key = mediaKeys(hash).rendition(width);
    const stored = await storage.get(key);
    if (stored) return stored.data;
    const original = await readOriginal();
    if (!original) return undefined;
    const { data } = await render(original.data, width ?? FULL_WIDTH, maxPixels);
    await storage.put(key, data, { contentType: OUTPUT.contentType });
    onRender();
    return data;
  }

  return {
    /**
     * Renders and stores the given renditions of an image that are not stored yet (the original is
     * read at most once), each as the single load of its key, so a request for one of them meanwhile
     * waits for this render rather than rendering it again; answers how many it rendered.
     */
    async renderMissing(productId: string, hash: string, renditions: (VariantWidth | undefined)[]) {
      const keys = mediaKeys(hash);
      const stored = new Set(await storage.list(keys.folder));
      const missing = renditions.filter((w) => !stored.has(keys.rendition(w)));
      let original: ReturnType<typeof originalOf> | undefined;
      const readOriginal = () => {
        original ??= originalOf(productId, hash);
        return original;
      };
      let rendered = 0;
      for (const width of missing) {
        const data = await variants.share(keys.rendition(width), () =>
          loadRendition(productId, hash, width, readOriginal, () => rendered++),
        );
        if (!data) break; // no original
      }
      return rendered;
    },

    /**
     * An image's WebP at a variant width (or the full rendition), when a published product of an
     * active seller (with `anyStatus`, for a signed preview: any product) shows the picture under this
     * product's URL; undefined otherwise. The check is the database's, asked on every call unless a
     * yes is kept (see createServedAsCache); the bytes are read only when asked (a conditional
     * request answered 304 needs none): from memory, else storage, else rendered from the original
     * once (however many ask at once) and stored. They are undefined when the files are gone.
     */
    async variant(
      productId: string,
      hash: string,
      width: VariantWidth | undefined,
      { anyStatus = false }: { anyStatus?: boolean } = {},
    ) {
      const keys = mediaKeys(hash);
      // Files are shared by every product showing the picture; the URL is valid only for a product
      // that (still) shows it under this product's URL, and that product must be on the storefront
      // unless the request carries a seller's preview signature. Asked before the variant cache:
      // unpublishing takes effect at its commit (a kept yes is dropped by the commit's notification).
      const ask = () => repo.isServedAs(db, productId, keys.folder, anyStatus);
      const served = anyStatus
        ? await ask()
        : await servedAs.check(`${productId.toLowerCase()} ${keys.folder}`, ask);
      if (!served) return undefined;
      const key = keys.rendition(width);
      return { read: () => variants.get(key, () => loadRendition(productId, hash, width)) };
    },
  };
}
