import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../lib/logger.js';
import type { ImageJson } from '../catalog/catalog.table.js';
import { VARIANT_WIDTHS, type VariantWidth } from './media.images.js';

/** One stored image to pre-render: its product, its hash, its intrinsic width. */
export interface PrerenderJob {
  productId: string;
  hash: string;
  width: number;
}

/**
 * The renditions a theme asks for: the storefront kit's `srcset` offers every variant width up to the
 * image's own width (it never asks to enlarge), and images narrower than every variant use the full
 * rendition (`undefined`), which is also what `src` falls back to.
 */
export function wantedRenditions(width: number): (VariantWidth | undefined)[] {
  return [undefined, ...VARIANT_WIDTHS.filter((w) => w <= width)];
}

/** An uploaded or seeded image's hash (its id is `img_<hash>`; by-URL images have none). */
const hashOf = (image: ImageJson) => (image.id?.startsWith('img_') ? image.id.slice(4) : undefined);

/**
 * Renders in the background, one image at a time, the variants the themes will ask for, so the first
 * shopper to see an image does not wait for sharp. One at a time on purpose: it shares the CPU with
 * the requests being served (a variant asked for meanwhile is rendered on demand as before, and then
 * skipped here). Failures are logged and skipped: the on-demand path still serves the image.
 */
export function createPrerenderer({
  render,
  logger,
}: {
  /** Renders and stores the missing `renditions` of an image; answers how many it rendered. */
  render: (job: PrerenderJob, renditions: (VariantWidth | undefined)[]) => Promise<number>;
  logger: Logger;
}) {
  const queue: PrerenderJob[] = [];
  let draining: Promise<void> | undefined;
  let closed = false;
  let rendered = 0;

  async function drain() {
    const started = performance.now();
    let images = 0;
    for (let job = queue.shift(); job && !closed; job = queue.shift()) {
      try {
        rendered += await render(job, wantedRenditions(job.width));
        images++;
      } catch (err) {
        logger.warn({ err, product_id: job.productId, hash: job.hash }, 'media: pre-rendering failed');
      }
      // Lets waiting requests run between images.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (images > 1) {
      const durationMs = Math.round(performance.now() - started);
      logger.info({ images, rendered, duration_ms: durationMs }, 'media: pre-rendered image variants');
    }
  }

  function add(jobs: PrerenderJob[]) {
    if (closed || jobs.length === 0) return;
    queue.push(...jobs);
    draining ??= drain().finally(() => {
      draining = undefined;
    });
  }

  return {
    /** Queues images (after an upload, or the whole catalog after the demo seed). */
    add,
    /** Queues every uploaded or seeded image of the catalog, newest products first. */
    async addCatalog(db: Kysely<Database>): Promise<number> {
      const rows = await db
        .selectFrom('products')
        .select(['id', 'images'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      const jobs = rows.flatMap((row) =>
        (row.images as ImageJson[]).flatMap((image) => {
          const hash = hashOf(image);
          return hash ? [{ productId: row.id, hash, width: image.width }] : [];
        }),
      );
      add(jobs);
      return jobs.length;
    },
    /** Resolves once the queue is empty (tests, measurements). */
    async idle(): Promise<void> {
      while (draining) await draining;
    },
    /** Stops after the image being rendered; what is left is rendered on demand. */
    async close(): Promise<void> {
      closed = true;
      queue.length = 0;
      await draining;
    },
  };
}

export type Prerenderer = ReturnType<typeof createPrerenderer>;
